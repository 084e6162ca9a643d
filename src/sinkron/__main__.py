from sinkron.cli import main

main()

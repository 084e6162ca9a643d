"""Writing workbooks and YAML plan files (templates, conversions); openpyxl imported lazily."""

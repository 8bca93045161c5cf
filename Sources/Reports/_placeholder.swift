enum _PReports {}

/// Report files, result tables and their renderers (`pdmon report`).
public enum PDReportModule {}

/// The warehouse: migrations, loads, the nightly ETL.
public enum PDWarehouseModule {}

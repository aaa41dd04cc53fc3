/// The deterministic generator of sample exports (`pdmon sample`).
public enum PDSampleModule {}

using PatientAccess.FhirStore.Benchmarks;

return await StoreBenchmark.RunAsync(args);

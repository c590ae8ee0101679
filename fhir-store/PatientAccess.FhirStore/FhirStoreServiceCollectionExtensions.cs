using PatientAccess.Data;
using PatientAccess.Fhir.Compartment;
using PatientAccess.Fhir.Search;
using PatientAccess.Fhir.Validation;
using PatientAccess.FhirStore.Access;
using PatientAccess.FhirStore.Api;
using PatientAccess.FhirStore.Capability;
using PatientAccess.FhirStore.Import;
using PatientAccess.FhirStore.Search;
using PatientAccess.FhirStore.Storage;
using PatientAccess.FhirStore.Storage.Sql;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.FhirStore;

public static class FhirStoreServiceCollectionExtensions
{
    /// <summary>Storage, search, access control and the R4 definitions the store runs on.</summary>
    public static IServiceCollection AddFhirStore(this IServiceCollection services)
    {
        services.AddDatabase("fhir-store.db");
        services.AddValidatedOptions<AccessOptions>(AccessOptions.Section);
        services.AddValidatedOptions<SearchLimits>(SearchLimits.Section);
        services.AddValidatedOptions<FhirBaseOptions>(FhirBaseOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => SearchParameterRegistry.Default);
        services.AddSingleton(_ => MemberCompartment.Default);
        services.AddSingleton<AccessFacts>();
        services.AddSingleton(_ => FhirSchemaValidator.Default);
        services.AddSingleton(_ => new SearchIndexer());
        services.AddSingleton<SupportedResourceTypes>();
        services.AddSingleton<ResourcePreparer>();
        services.AddSingleton<ISqlDialect>(sp => sp.GetRequiredService<DbConnectionFactory>().Provider == DatabaseProvider.PostgreSql
            ? new PostgresDialect()
            : new SqliteDialect());
        services.AddSingleton<IResourceStore, SqlResourceStore>();
        services.AddSingleton(sp => new SearchParser(sp.GetRequiredService<SearchParameterRegistry>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SearchLimits>>().Value));
        services.AddSingleton<AccessResolver>();
        services.AddSingleton<CapabilityStatementBuilder>();
        services.AddSingleton<NdjsonImporter>();
        services.AddHostedService<StoreInitializer>();
        return services;
    }
}

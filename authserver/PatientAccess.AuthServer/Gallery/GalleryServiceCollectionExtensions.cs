namespace PatientAccess.AuthServer.Gallery;

internal static class GalleryServiceCollectionExtensions
{
    public static IServiceCollection AddGallery(this IServiceCollection services) => services.AddSingleton<GalleryCatalog>();

    /// <summary><c>/gallery</c>, <c>/api/gallery</c> and <c>/gallery/logos/{client_id}</c>.</summary>
    public static IEndpointRouteBuilder MapGallery(this IEndpointRouteBuilder app)
    {
        GalleryPages.Map(app);
        GalleryApi.Map(app);
        return app;
    }
}

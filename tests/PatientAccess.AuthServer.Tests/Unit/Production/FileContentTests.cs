using PatientAccess.AuthServer.Production;
using PatientAccess.AuthServer.Tests.Integration.Production;

namespace PatientAccess.AuthServer.Tests.Unit.Production;

/// <summary>Uploads are judged by their bytes, never by their name or declared type.</summary>
public sealed class FileContentTests
{
    [Fact]
    public void Image_Png_TypeAndSize() => Assert.Equal((FileContent.Png, 120, 80), FileContent.Image(TestImages.Png(120, 80)));

    [Fact]
    public void Image_Jpeg_TypeAndSizeFromStartOfFrame() => Assert.Equal((FileContent.Jpeg, 300, 300), FileContent.Image(TestImages.JpegHeader(300, 300)));

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")]
    [InlineData("GIF89a")]
    [InlineData("%PDF-1.4")]
    [InlineData("")]
    public void Image_NotPngOrJpeg_Null(string content) => Assert.Null(FileContent.Image(System.Text.Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void Image_TruncatedPng_Null() => Assert.Null(FileContent.Image(TestImages.Png(64, 64).AsSpan(0, 20)));

    [Fact]
    public void Document_PdfPngJpeg_Recognised()
    {
        Assert.Equal(FileContent.Pdf, FileContent.Document(TestImages.Pdf()));
        Assert.Equal(FileContent.Png, FileContent.Document(TestImages.Png(10, 10)));
        Assert.Equal(FileContent.Jpeg, FileContent.Document(TestImages.JpegHeader(10, 10)));
        Assert.Null(FileContent.Document("<html><script>alert(1)</script></html>"u8));
    }
}

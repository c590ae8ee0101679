using System.Text;
using PatientAccess.AuthServer.Developer.Logos;

namespace PatientAccess.AuthServer.Tests.Unit.Developer;

/// <summary>Logos are judged by their bytes: the name and Content-Type an upload claims never enter into it.</summary>
public sealed class LogoImageTests
{
    private const int MaxBytes = 256 * 1024;

    [Fact]
    public void Inspect_Png_AcceptedWithItsRealSize()
    {
        var check = LogoImage.Inspect(LogoSamples.Png64, MaxBytes, 32, 1024);
        Assert.Equal(new LogoCheck(LogoProblem.None, "image/png", 64, 64), check);
    }

    [Fact]
    public void Inspect_Jpeg_AcceptedWithItsRealSize()
    {
        var check = LogoImage.Inspect(LogoSamples.Jpeg64x48, MaxBytes, 32, 1024);
        Assert.Equal(new LogoCheck(LogoProblem.None, "image/jpeg", 64, 48), check);
    }

    [Fact]
    public void Inspect_PngRenamedJpg_AcceptedAsPng()
    {
        // The same bytes a browser would send as "logo.jpg" with Content-Type image/jpeg: only the content counts.
        var upload = new { FileName = "logo.jpg", ContentType = "image/jpeg", Bytes = LogoSamples.Png64 };
        Assert.Equal("image/png", LogoImage.Inspect(upload.Bytes, MaxBytes, 32, 1024).ContentType);
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "gif renamed .png", [.. "GIF89a"u8, 0x40, 0x00, 0x40, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B] },
        { "svg renamed .png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><script>alert(1)</script></svg>") },
        { "html renamed .png", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>") },
        { "zip renamed .png", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. new byte[64]] },
        { "bmp renamed .png", [.. "BM"u8, .. new byte[60]] },
        { "webp renamed .png", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, .. new byte[40]] },
        { "text", Encoding.UTF8.GetBytes("just some text") },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Inspect_NotPngOrJpeg_RefusedAsNotAnImage(string what, byte[] bytes) =>
        Assert.True(LogoImage.Inspect(bytes, MaxBytes, 1, 1024).Problem == LogoProblem.NotAnImage, what);

    [Fact]
    public void Inspect_PngWithSomethingAfterIend_RefusedAsDamaged()
    {
        byte[] polyglot = [.. LogoSamples.Png64, .. "<script>alert(1)</script>"u8];
        Assert.Equal(LogoProblem.Damaged, LogoImage.Inspect(polyglot, MaxBytes, 1, 1024).Problem);
    }

    [Fact]
    public void Inspect_TruncatedPng_RefusedAsDamaged() =>
        Assert.Equal(LogoProblem.Damaged, LogoImage.Inspect(LogoSamples.Png64.AsSpan(0, 200), MaxBytes, 1, 1024).Problem);

    [Fact]
    public void Inspect_PngWithAChangedByte_RefusedAsDamaged()
    {
        // IHDR's width changed without fixing its CRC: a forged header is not believed.
        var forged = LogoSamples.Png64.ToArray();
        forged[18] = 0x7F;
        Assert.Equal(LogoProblem.Damaged, LogoImage.Inspect(forged, MaxBytes, 1, 1024).Problem);
    }

    [Fact]
    public void Inspect_PngSignatureOnly_RefusedAsDamaged() =>
        Assert.Equal(LogoProblem.Damaged, LogoImage.Inspect(LogoSamples.Png64.AsSpan(0, 8), MaxBytes, 1, 1024).Problem);

    [Fact]
    public void Inspect_JpegWithoutItsEnd_RefusedAsDamaged() =>
        Assert.Equal(LogoProblem.Damaged, LogoImage.Inspect(LogoSamples.Jpeg64x48.AsSpan(0, LogoSamples.Jpeg64x48.Length - 2), MaxBytes, 1, 1024).Problem);

    [Fact]
    public void Inspect_JpegMarkerOnly_RefusedAsDamaged() =>
        Assert.Equal(LogoProblem.Damaged, LogoImage.Inspect([0xFF, 0xD8, 0xFF, 0xE0, 0x00], MaxBytes, 1, 1024).Problem);

    [Fact]
    public void Inspect_OverTheByteLimit_TooLargeBeforeAnyParsing()
    {
        Assert.Equal(LogoProblem.TooLarge, LogoImage.Inspect(LogoSamples.Png64, LogoSamples.Png64.Length - 1, 1, 1024).Problem);
        Assert.Equal(LogoProblem.TooLarge, LogoImage.Inspect(new byte[MaxBytes + 1], MaxBytes, 1, 1024).Problem);
    }

    [Fact]
    public void Inspect_Dimensions_OutsideTheLimitsRefused()
    {
        Assert.Equal(LogoProblem.TooFewPixels, LogoImage.Inspect(LogoSamples.Png16, MaxBytes, 32, 1024).Problem);
        Assert.Equal(LogoProblem.TooManyPixels, LogoImage.Inspect(LogoSamples.Png64, MaxBytes, 1, 48).Problem);
        Assert.Equal(LogoProblem.TooManyPixels, LogoImage.Inspect(LogoSamples.Jpeg64x48, MaxBytes, 1, 60).Problem);
    }

    [Fact]
    public void Inspect_Empty_Refused() => Assert.Equal(LogoProblem.Empty, LogoImage.Inspect([], MaxBytes, 1, 1024).Problem);
}

using PatientAccess.LoadTests.Http;

namespace PatientAccess.LoadTests.Tests.Unit.Http;

public class HttpErrorKindsTests
{
    [Theory]
    [InlineData(HttpRequestError.ConnectionError, "connection-error")]
    [InlineData(HttpRequestError.NameResolutionError, "name-resolution-error")]
    [InlineData(HttpRequestError.ResponseEnded, "response-ended")]
    public void Of_RequestError_KebabCase(HttpRequestError error, string expected)
    {
        Assert.Equal(expected, HttpErrorKinds.Of(new HttpRequestException(error)));
    }
}

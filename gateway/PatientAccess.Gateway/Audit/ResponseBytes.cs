namespace PatientAccess.Gateway.Audit;

/// <summary>
/// The audit event's <c>bytes</c>. Every response starts out written through a
/// <see cref="CountingStream"/>; a proxied response whose length the store declares takes the
/// declared length instead and is copied straight to Kestrel's stream (<see cref="UseDeclaredLength"/>),
/// because copying a 57 KB search page through the wrapper cost about 0.3 ms at p50.
/// </summary>
internal sealed class ResponseBytes : IDisposable
{
    private readonly HttpResponse _response;
    private readonly Stream _original;
    private readonly CountingStream _counting;
    private long? _declared;

    public ResponseBytes(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _response = response;
        _original = response.Body;
        _counting = new CountingStream(_original);
        response.Body = _counting;
    }

    /// <summary>Called before the body is copied: from here on Kestrel's own stream is used.</summary>
    public void UseDeclaredLength(long length)
    {
        if (_response.Body == _counting && _counting.Count == 0)
        {
            _declared = length;
            _response.Body = _original;
        }
    }

    /// <summary>
    /// Bytes sent: counted, or the declared length when the copy finished; when the client went
    /// away during a declared-length copy, what reached it is unknown and 0 is recorded.
    /// </summary>
    public long Total(bool aborted) => _declared is { } declared ? (aborted ? 0 : declared) : _counting.Count;

    /// <summary>Puts Kestrel's stream back, whatever happened (the wrapper owns nothing of Kestrel's).</summary>
    public void Dispose()
    {
        _response.Body = _original;
        _counting.Dispose();
    }
}

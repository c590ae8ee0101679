namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>A file as a browser uploads it: bytes plus the name and type it claims (which the server must ignore).</summary>
internal sealed record Logo(byte[] Bytes, string FileName, string ContentType);

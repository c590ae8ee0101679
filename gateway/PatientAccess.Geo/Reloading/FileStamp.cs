namespace PatientAccess.Geo.Reloading;

/// <summary>What a cheap stat says about the file; a different stamp means the file changed.</summary>
internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    public static FileStamp? TryRead(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

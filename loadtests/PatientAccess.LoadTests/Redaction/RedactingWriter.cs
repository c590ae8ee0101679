using System.Text;

namespace PatientAccess.LoadTests.Redaction;

/// <summary>
/// A console writer that passes every line through <see cref="SecretRedactor"/> before it reaches
/// the terminal. Lines are held until their newline (or a flush), so a secret written in pieces is
/// still seen whole.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
#pragma warning disable CS8765 // TextWriter's setter accepts null; so does the inner writer.
        get => inner.NewLine;
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            Emit();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        var start = 0;
        int newline;
        while ((newline = value.IndexOf('\n', start)) >= 0)
        {
            _line.Append(value, start, newline - start + 1);
            Emit();
            start = newline + 1;
        }

        _line.Append(value, start, value.Length - start);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        Write(NewLine);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        Emit();
        inner.Flush();
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Emit()
    {
        if (_line.Length == 0)
        {
            return;
        }

        inner.Write(SecretRedactor.Redact(_line.ToString()));
        _line.Clear();
    }
}

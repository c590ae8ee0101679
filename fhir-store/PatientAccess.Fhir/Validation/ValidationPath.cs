using System.Text;

namespace PatientAccess.Fhir.Validation;

/// <summary>
/// The location being validated, kept as a stack and turned into text only when an error is
/// reported: valid resources, the common case, never pay for building path strings.
/// </summary>
internal sealed class ValidationPath
{
    private readonly List<(string? Name, int Index)> segments = [];

    public bool IsRoot => segments.Count == 0;

    public void Push(string name) => segments.Add((name, -1));

    public void Push(int index) => segments.Add((null, index));

    public void Pop() => segments.RemoveAt(segments.Count - 1);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, index) in segments)
        {
            if (name is null)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(name);
            }
        }

        return text.Length == 0 ? "(resource)" : text.ToString();
    }
}

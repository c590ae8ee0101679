namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>Collects bound values while SQL text is built: no search value is ever spliced into SQL.</summary>
public sealed class SqlParameters
{
    private readonly List<KeyValuePair<string, object>> _values = [];

    public IReadOnlyList<KeyValuePair<string, object>> Values => _values;

    public string Add(object value)
    {
        var name = "@p" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _values.Add(new(name, value));
        return name;
    }

    /// <summary>A parenthesised list of parameters, for IN.</summary>
    public string AddList(IEnumerable<string> values) => "(" + string.Join(", ", values.Select(v => Add(v))) + ")";
}

using System.Data.Common;

namespace PatientAccess.FhirStore.Storage.Sql;

internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string text, SqlParameters? parameters = null, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters?.Values ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static DbParameter Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static StoredResource ReadResource(this DbDataReader reader) => new(
        reader.GetString(1),
        reader.GetString(2),
        Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
        new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
        Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) != 0,
        reader.GetString(6));
}

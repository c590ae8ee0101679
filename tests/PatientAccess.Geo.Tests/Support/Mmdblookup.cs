using System.Globalization;
using PatientAccess.Testing;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>
/// libmaxminddb's own command-line tool as the reference answer. It takes one address per
/// process, so a bash loop runs it for a whole batch (one bash per core) and bash's regex
/// match parses its output, keeping it to one process per lookup.
/// </summary>
internal static class Mmdblookup
{
    /// <summary>Country from <c>country_code</c> (ip-location-db) or MaxMind's iso_code fields.</summary>
    public enum Schema
    {
        CountryCode,
        MaxMind,
    }

    private const string Script = """
        set -u
        db=$1; schema=$2
        lookup() { mmdblookup -v --file "$db" --ip "$@" 2>&1; }
        code_re='"([^"]*)" <utf8_string>'
        prefix_re='Record prefix length: ([0-9]+)'
        while read -r ip; do
          code=-; prefix=-
          if [ "$schema" = MaxMind ]; then
            out=$(lookup "$ip" country iso_code)
            if [[ $out =~ $code_re ]]; then code=${BASH_REMATCH[1]}; elif [[ $out != *"Could not find an entry"* ]]; then
              out2=$(lookup "$ip" registered_country iso_code)
              if [[ $out2 =~ $code_re ]]; then code=${BASH_REMATCH[1]}; fi
            fi
          else
            out=$(lookup "$ip" country_code)
            if [[ $out =~ $code_re ]]; then code=${BASH_REMATCH[1]}; fi
          fi
          if [[ $out =~ $prefix_re ]]; then prefix=${BASH_REMATCH[1]}; fi
          echo "$ip $code $prefix"
        done
        """;

    /// <summary>Address (as given) to (country or null, prefix length as mmdblookup counts it: IPv6 bits in an IPv6 tree).</summary>
    public static async Task<Dictionary<string, (string? Country, int Prefix)>> LookupAsync(
        string database, Schema schema, IReadOnlyList<string> addresses, int parallel = 2)
    {
        ExternalTool.Require("mmdblookup", "mmdb-bin");
        var chunks = addresses.Chunk((addresses.Count + parallel - 1) / parallel);
        var runs = await Task.WhenAll(chunks.Select(chunk => ExternalTool.RunAsync(
            "bash", ["-c", Script, "bash", database, schema.ToString()], string.Join('\n', chunk) + "\n", TimeSpan.FromMinutes(5))));

        var answers = new Dictionary<string, (string?, int)>(StringComparer.Ordinal);
        foreach (var (exitCode, output) in runs)
        {
            Assert.True(exitCode == 0, $"the mmdblookup loop failed ({exitCode}): {output}");
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split(' ');
                Assert.True(parts.Length == 3 && parts[2] != "-", $"unexpected mmdblookup output: {line}");
                answers[parts[0]] = (parts[1] == "-" ? null : parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(addresses.Distinct().Count(), answers.Count);
        return answers;
    }
}

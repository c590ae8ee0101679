using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Reads the <c>launch</c> command's arguments.</summary>
internal static class LaunchCommandParser
{
    public const string Name = "launch";

    private static readonly CommandSyntax Syntax = new(["--allow-remote"], [.. SmartTargetParser.Names, "--categories", "--language"]);

    public static LaunchCommandOptions Parse(IReadOnlyList<string> args)
    {
        var values = CliArguments.Parse(args, Syntax);
        var target = SmartTargetParser.Parse(values);
        var language = values.Single("--language") is { } text ? CliValues.ParseChoice("--language", text, ["en", "es"]) : "en";
        return new LaunchCommandOptions { Target = target, CategoryBoxes = ParseCategories(values.Single("--categories")), Language = language };
    }

    /// <summary>Comma-separated codes (MH, ETH, ...) or box names (mental, sud, ...); empty means none.</summary>
    public static IReadOnlyList<string> ParseCategories(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var boxes = new List<string>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var box = SensitiveCategories.BoxFor(name)
                ?? throw new CliUsageException($"--categories: '{name}' is not a sensitive category; use {SensitiveCategories.Accepted}");
            if (!boxes.Contains(box))
            {
                boxes.Add(box);
            }
        }

        return boxes;
    }
}

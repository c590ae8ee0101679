namespace PatientAccess.LoadTests.Smart.Pages;

/// <summary>
/// A form on a member page, and what a browser submits for it (HTML "constructing the entry
/// list"): every hidden input as served (the antiforgery token among them), typed fields with
/// what the person typed (else their served value), the boxes the person leaves ticked, the
/// chosen radio (else the one served checked), and the name and value of the button pressed.
/// </summary>
internal sealed record HtmlForm(string Method, string Action, IReadOnlyList<HtmlInput> Inputs)
{
    public IEnumerable<HtmlInput> Hidden => Inputs.Where(i => i.IsHidden);

    /// <summary>
    /// The entry list for pressing <paramref name="button"/> (null: an unnamed button, or Enter)
    /// after typing <paramref name="typed"/> and leaving exactly the boxes in <paramref name="ticked"/>
    /// ticked (checkbox names; radio values choose a radio). Naming a control the form lacks is an
    /// error: the page changed, and guessing would post something no person could.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Submission(
        IReadOnlyDictionary<string, string>? typed = null,
        IReadOnlyCollection<string>? ticked = null,
        (string Name, string Value)? button = null)
    {
        typed ??= new Dictionary<string, string>();
        ticked ??= [];
        foreach (var name in typed.Keys.Where(n => !Inputs.Any(i => i.IsTyped && i.Name == n)))
        {
            throw new SmartLaunchException($"the form posting to {Action} has no field '{name}'");
        }

        foreach (var tick in ticked.Where(t => !Inputs.Any(i => (i.Type == "checkbox" && i.Name == t) || (i.Type == "radio" && i.Value == t))))
        {
            throw new SmartLaunchException($"the form posting to {Action} has no box or choice '{tick}'");
        }

        if (button is { } pressed && !Inputs.Any(i => i.IsButton && i.Name == pressed.Name && i.Value == pressed.Value))
        {
            throw new SmartLaunchException($"the form posting to {Action} has no button {pressed.Name}={pressed.Value}");
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var input in Inputs)
        {
            if (input.IsHidden)
            {
                entries.Add(new(input.Name, input.Value));
            }
            else if (input.IsTyped)
            {
                entries.Add(new(input.Name, typed.TryGetValue(input.Name, out var value) ? value : input.Value));
            }
            else if (input.Type == "checkbox" && ticked.Contains(input.Name))
            {
                entries.Add(new(input.Name, input.Value.Length == 0 ? "on" : input.Value));
            }
            else if (input.Type == "radio" && IsChosen(input, ticked))
            {
                entries.Add(new(input.Name, input.Value));
            }
            else if (input.IsButton && button is { } b && input.Name == b.Name && input.Value == b.Value)
            {
                entries.Add(new(input.Name, input.Value));
            }
        }

        return entries;
    }

    /// <summary>A radio counts when it is the one asked for, or, when none of its group is, the one served checked.</summary>
    private bool IsChosen(HtmlInput radio, IReadOnlyCollection<string> ticked) =>
        Inputs.Any(i => i.Type == "radio" && i.Name == radio.Name && ticked.Contains(i.Value)) ? ticked.Contains(radio.Value) : radio.Checked;
}

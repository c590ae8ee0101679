using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>
/// The portal's form controls beyond <see cref="MemberPage.Field"/>, built the same way: a visible
/// label, the hint and the error tied to the control with aria-describedby, aria-invalid on error.
/// </summary>
internal static class DeveloperFields
{
    public static Html TextArea(MemberPage page, string id, string label, string? value, string? hint, int maxLength, int rows = 4)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (error, describedBy) = Describe(page, id, hint);
        return Html.Of($"""
            <div class="field{(error is null ? Html.Empty : Html.Of($" invalid"))}">
            <label for="{id}">{label}</label>
            {Hint(id, hint)}{Error(id, error)}
            <textarea id="{id}" name="{id}" rows="{rows}" maxlength="{maxLength}" spellcheck="false" autocapitalize="off"{Described(describedBy)}{Invalid(error)} required>{value}</textarea>
            </div>
            """);
    }

    /// <summary>A radio group: the first radio carries the group's id, so the error summary's link lands on it.</summary>
    public static Html Radios(MemberPage page, string name, string legend, string? selected, IReadOnlyList<(string Value, string Label, string Hint)> options)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(options);
        var (error, describedBy) = Describe(page, name, null);
        var radios = options.Select((o, i) =>
        {
            var id = i == 0 ? name : name + "-" + o.Value;
            var checkedAttribute = o.Value == selected ? Html.Of($" checked") : Html.Empty;
            return Html.Of($"""
                <div class="choice">
                <input type="radio" id="{id}" name="{name}" value="{o.Value}" aria-describedby="{id}-hint"{checkedAttribute}>
                <label for="{id}">{o.Label}</label>
                <p class="hint" id="{id}-hint">{o.Hint}</p>
                </div>
                """);
        });
        return Html.Of($"""
            <fieldset class="field{(error is null ? Html.Empty : Html.Of($" invalid"))}"{Described(describedBy)}>
            <legend>{legend}</legend>
            {Error(name, error)}
            {Html.Join(radios)}
            </fieldset>
            """);
    }

    public static Html File(MemberPage page, string id, string label, string? hint, string accept)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (error, describedBy) = Describe(page, id, hint);
        return Html.Of($"""
            <div class="field{(error is null ? Html.Empty : Html.Of($" invalid"))}">
            <label for="{id}">{label}</label>
            {Hint(id, hint)}{Error(id, error)}
            <input id="{id}" name="{id}" type="file" accept="{accept}"{Described(describedBy)}{Invalid(error)}>
            </div>
            """);
    }

    /// <summary>An optional input (MemberPage.Field marks every input required, which would be announced).</summary>
    public static Html OptionalInput(MemberPage page, string id, string label, string? value, string type, string? hint, int maxLength, string? autocomplete = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (error, describedBy) = Describe(page, id, hint);
        var auto = autocomplete is null ? Html.Empty : Html.Of($" autocomplete=\"{autocomplete}\"");
        return Html.Of($"""
            <div class="field{(error is null ? Html.Empty : Html.Of($" invalid"))}">
            <label for="{id}">{label}</label>
            {Hint(id, hint)}{Error(id, error)}
            <input id="{id}" name="{id}" type="{type}" value="{value}" maxlength="{maxLength}"{auto}{Described(describedBy)}{Invalid(error)}>
            </div>
            """);
    }

    /// <summary>A checkbox with its label after it.</summary>
    public static Html Checkbox(string id, string label) => Html.Of($"""
        <div class="choice"><input type="checkbox" id="{id}" name="{id}" value="yes"> <label for="{id}">{label}</label></div>
        """);

    private static (FieldError? Error, string DescribedBy) Describe(MemberPage page, string id, string? hint)
    {
        var error = page.Errors.FirstOrDefault(e => e.Field == id);
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());
        return (error, describedBy);
    }

    private static Html Hint(string id, string? hint) => hint is null ? Html.Empty : Html.Of($"<p class=\"hint\" id=\"{id}-hint\">{hint}</p>");

    private static Html Error(string id, FieldError? error) => error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"{id}-error\">{error.Message}</p>");

    private static Html Described(string describedBy) => describedBy.Length == 0 ? Html.Empty : Html.Of($" aria-describedby=\"{describedBy}\"");

    private static Html Invalid(FieldError? error) => error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\"");
}

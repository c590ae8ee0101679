namespace PatientAccess.LoadTests.Smart.Pages;

/// <summary>One named control of a form: an input (any type) or a submit button.</summary>
internal sealed record HtmlInput(string Type, string Name, string Value, bool Checked)
{
    public bool IsHidden => Type == "hidden";

    public bool IsCheckable => Type is "checkbox" or "radio";

    public bool IsButton => Type == "submit";

    /// <summary>Text-like inputs (text, email, date, ...), whose value the person types.</summary>
    public bool IsTyped => !IsHidden && !IsCheckable && !IsButton && Type is not ("file" or "image" or "reset" or "button");
}

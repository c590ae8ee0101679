namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>A problem with one field: the field's name (the form input's id and the API's member), the text key, and the value concerned if any.</summary>
internal sealed record InputProblem(string Field, string Key, string? Value = null);

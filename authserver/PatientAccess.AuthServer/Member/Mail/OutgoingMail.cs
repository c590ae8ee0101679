namespace PatientAccess.AuthServer.Member.Mail;

/// <summary>A plain-text message to one member.</summary>
internal sealed record OutgoingMail(string To, string Subject, string Body, string Language);

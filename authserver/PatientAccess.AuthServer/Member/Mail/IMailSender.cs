namespace PatientAccess.AuthServer.Member.Mail;

/// <summary>Delivers member e-mail: to the outbox folder by default, over SMTP when configured.</summary>
internal interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

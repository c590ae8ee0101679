namespace PatientAccess.AuthServer.Member.Mail;

/// <summary>Delivers member e-mail: to the outbox folder by default, over SMTP when configured.</summary>
internal interface IMailSender
{
    /// <summary>
    /// False when the message could not be handed on (relay down, slow or refusing, outbox not
    /// writable); the sender has logged why, once, so callers only tell the member. Cancellation
    /// of <paramref name="cancellationToken"/> (the member went away) still throws.
    /// </summary>
    Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

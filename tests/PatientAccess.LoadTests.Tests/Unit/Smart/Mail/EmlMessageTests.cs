using PatientAccess.LoadTests.Smart.Mail;

namespace PatientAccess.LoadTests.Tests.Unit.Smart.Mail;

public class EmlMessageTests
{
    [Fact]
    public void Parse_AuthserverOutboxMessage_RecipientAndPlainBody()
    {
        // As authserver Member/Mail/OutboxMailSender.cs writes it: CRLF, 8bit UTF-8 body.
        var text = "From: no-reply@healthplan.example\r\nTo: John.Allen@Example.com\r\nSubject: =?utf-8?B?WW91ciBjb2RlOiAxMjM0NTY=?=\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nSu código para iniciar sesión es 482913.\r\n\r\nEs válido por 10 minutos.\r\n";

        var message = EmlMessage.Parse(text);

        Assert.Equal(["john.allen@example.com"], message.Recipients);
        Assert.True(message.IsAddressedTo("john.allen@example.com"));
        Assert.StartsWith("Su código para iniciar sesión es 482913.", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedPrintable_SoftBreaksJoinedAndEscapesDecoded()
    {
        var text = "To: \"John Allen\" <john.allen@example.com>,\r\n other@example.com\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n" +
            "Content-Transfer-Encoding: quoted-printable\r\n\r\nSu c=C3=B3digo es 12=\r\n3456 (=3D v=C3=A1lido).\r\n";

        var message = EmlMessage.Parse(text);

        Assert.Equal(["john.allen@example.com", "other@example.com"], message.Recipients);
        Assert.Equal("Su código es 123456 (= válido).\n", message.Body);
    }

    [Fact]
    public void Parse_Base64Body_Decoded()
    {
        var body = Convert.ToBase64String("Your sign-in code is 009911."u8.ToArray());
        var text = $"To: a@example.com\nContent-Transfer-Encoding: base64\n\n{body[..10]}\n{body[10..]}\n";

        Assert.Equal("Your sign-in code is 009911.", EmlMessage.Parse(text).Body);
    }

    [Fact]
    public void Parse_NoRecipient_AddressedToNobody()
    {
        var message = EmlMessage.Parse("Subject: hello\n\nbody 123456\n");

        Assert.Empty(message.Recipients);
        Assert.False(message.IsAddressedTo("a@example.com"));
    }
}

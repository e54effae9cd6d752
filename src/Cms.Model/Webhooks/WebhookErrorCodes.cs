namespace Cms.Model.Webhooks;

public static class WebhookErrorCodes
{
    /// <summary>The receiver's URL is refused by the rules against server-side request forgery.</summary>
    public const string UrlNotAllowed = "URL_NOT_ALLOWED";
}

/// Checks a built site folder: every internal link and asset reference must resolve.
public enum SiteCheck {}

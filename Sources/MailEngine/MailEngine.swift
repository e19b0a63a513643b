// Accounts and what they do: backends, sync, the send pipeline, secrets, events to the UI.
import MailCore

/// Namespace for the MailEngine module.
public enum MailEngineModule {}

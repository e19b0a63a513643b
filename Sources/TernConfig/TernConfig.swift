// config.toml -> typed settings; themes/*.toml -> Theme.
import MailCore

/// Namespace for the TernConfig module.
public enum TernConfigModule {}

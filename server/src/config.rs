use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server can be told, by flag or environment variable (`veche-server --help`).
#[derive(clap::Parser, Clone, Debug)]
#[command(name = "veche-server", version, about = "Veche's reference backend")]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "VECHE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// SQLite database file; created and migrated on start.
    #[arg(long, env = "VECHE_DATABASE", default_value = "data/veche.sqlite3")]
    pub database: PathBuf,

    /// Directory of the built app (Trunk's `dist/`), served with a fallback to `index.html`.
    #[arg(long, env = "VECHE_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// The URL members reach this server at; `https://` makes cookies `Secure`.
    #[arg(long, env = "VECHE_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: String,

    /// Other origins allowed to call the API with credentials (an app served elsewhere).
    #[arg(long, env = "VECHE_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<String>,

    /// `demo` fills a new database with the demo community; `none` leaves it empty.
    #[arg(long, env = "VECHE_SEED", value_enum, default_value_t = SeedMode::Demo)]
    pub seed: SeedMode,

    /// Sign-in and registration attempts allowed per client address and minute.
    #[arg(long, env = "VECHE_AUTH_ATTEMPTS_PER_MINUTE", default_value_t = 10)]
    pub auth_attempts_per_minute: u32,

    /// Other writes allowed per client address and minute.
    #[arg(long, env = "VECHE_WRITES_PER_MINUTE", default_value_t = 300)]
    pub writes_per_minute: u32,

    /// Answers and follow-ups to one survey allowed per client address and hour.
    #[arg(long, env = "VECHE_SURVEY_ANSWERS_PER_HOUR", default_value_t = 20)]
    pub survey_answers_per_hour: u32,

    /// SMTP server for outgoing mail: `smtp://host:25` (plain, for a relay on the same machine),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS) or `smtps://user:password@host`.
    /// Without it, mail is written as `.eml` files (see `--mail-dir`).
    #[arg(long, env = "VECHE_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of every mail, `Name <address>`.
    #[arg(long, env = "VECHE_MAIL_FROM", default_value = "Veche <noreply@veche.localhost>")]
    pub mail_from: String,

    /// Where mail is written when no SMTP server is set; default: `mail/` beside the database.
    #[arg(long, env = "VECHE_MAIL_DIR")]
    pub mail_dir: Option<PathBuf>,

    /// Seconds before the first retry of a mail the SMTP server did not take; each further wait
    /// doubles, up to an hour.
    #[arg(long, env = "VECHE_MAIL_RETRY_SECONDS", default_value_t = 30)]
    pub mail_retry_seconds: u64,

    /// An OpenID Connect provider members can sign in with: its issuer URL (e.g.
    /// `https://login.example.com/realms/staff`). The provider must know this server's callback,
    /// `<public URL>/api/v1/auth/oidc/oidc/callback`.
    #[arg(long, env = "VECHE_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,

    /// The client id this server has at the provider.
    #[arg(long, env = "VECHE_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,

    /// The client secret this server has at the provider.
    #[arg(long, env = "VECHE_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<String>,

    /// The sign-in button's words, e.g. "Acme staff account" (default: "your organisation's
    /// account", in the reader's language).
    #[arg(long, env = "VECHE_OIDC_LABEL")]
    pub oidc_label: Option<String>,

    /// Take the provider's e-mail addresses as confirmed even when its tokens do not say so
    /// (`email_verified`); only for a provider that checks addresses itself.
    #[arg(long, env = "VECHE_OIDC_TRUST_EMAIL", default_value_t = false, action = clap::ArgAction::Set)]
    pub oidc_trust_email: bool,

    /// `false`: members sign in only through the identity provider (no passwords, no sign-up
    /// form, no password resets).
    #[arg(long, env = "VECHE_PASSWORD_SIGN_IN", default_value_t = true, action = clap::ArgAction::Set)]
    pub password_sign_in: bool,

    /// Log lines as human-readable text or one JSON object per line.
    #[arg(long, env = "VECHE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedMode {
    Demo,
    None,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    /// A configuration for tests: a given database, no static files, demo data, generous limits.
    pub fn for_tests(database: PathBuf) -> Self {
        Config {
            addr: "127.0.0.1:0".parse().expect("literal address"),
            database,
            static_dir: PathBuf::from("/nonexistent"),
            public_url: "http://127.0.0.1:8080".into(),
            allowed_origins: vec!["http://localhost:3000".into()],
            seed: SeedMode::Demo,
            auth_attempts_per_minute: 1000,
            writes_per_minute: 10_000,
            survey_answers_per_hour: 10_000,
            log_format: LogFormat::Text,
            smtp_url: None,
            mail_from: "Veche <noreply@veche.localhost>".into(),
            mail_dir: None,
            mail_retry_seconds: 1,
            oidc_issuer: None,
            oidc_client_id: None,
            oidc_client_secret: None,
            oidc_label: None,
            oidc_trust_email: false,
            password_sign_in: true,
        }
    }

    /// Where mail goes without SMTP: `--mail-dir`, or `mail/` beside the database.
    pub fn mail_folder(&self) -> PathBuf {
        self.mail_dir.clone().unwrap_or_else(|| {
            self.database
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .join("mail")
        })
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

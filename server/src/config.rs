use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server can be told, by flag or environment variable (`veche-server --help`).
#[derive(clap::Parser, Clone, Debug)]
#[command(name = "veche-server", version, about = "Veche's reference backend")]
pub struct Config {
    /// What to do: serve (when no command is given), or back up or restore the database.
    #[command(subcommand)]
    pub command: Option<Command>,

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

    /// Addresses of proxies in front of the server (e.g. `127.0.0.1` for a TLS proxy on the same
    /// machine): from them, the client's address is read from `X-Forwarded-For`.
    #[arg(long, env = "VECHE_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

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
    /// form, no password resets); needs `VECHE_OIDC_ISSUER`. Either variable set fixes how
    /// members sign in; with neither, staff set it on `/admin/sign-in`.
    #[arg(long, env = "VECHE_PASSWORD_SIGN_IN", action = clap::ArgAction::Set)]
    pub password_sign_in: Option<bool>,

    /// Log lines as human-readable text or one JSON object per line.
    #[arg(long, env = "VECHE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// The maintenance commands beside serving.
#[derive(clap::Subcommand, Clone, Debug)]
pub enum Command {
    /// Founds a company's own community on a new database: its name, time zone and first staff
    /// member (then serve it with `VECHE_SEED=none`). Changes nothing where a community exists.
    Init(Founding),
    /// Writes a consistent copy of the database to FILE, also while servers run on it.
    Backup {
        /// The copy to write; it must not exist yet.
        file: PathBuf,
    },
    /// Replaces the database with the backup FILE (every server on it must be stopped); what it
    /// held before is kept beside it as `<database>.before-restore-<time>`.
    Restore {
        /// A file written by `veche-server backup`.
        file: PathBuf,
    },
}

/// What `init` is told (see `veche-server init --help`).
#[derive(clap::Args, Clone, Debug)]
pub struct Founding {
    /// The community's name, as members see it.
    #[arg(long)]
    pub name: String,
    /// The community's time zone (IANA name), for events and digests.
    #[arg(long, default_value = "UTC")]
    pub time_zone: String,
    /// The first staff member's handle (their address on the site: /members/HANDLE).
    #[arg(long)]
    pub admin_handle: String,
    /// The first staff member's e-mail address.
    #[arg(long)]
    pub admin_email: String,
    /// The first staff member's name as shown; the handle if not given.
    #[arg(long)]
    pub admin_name: Option<String>,
    /// Their password; one is made and printed when not given.
    #[arg(long, env = "VECHE_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,
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
            command: None,
            addr: "127.0.0.1:0".parse().expect("literal address"),
            database,
            static_dir: PathBuf::from("/nonexistent"),
            public_url: "http://127.0.0.1:8080".into(),
            allowed_origins: vec!["http://localhost:3000".into()],
            trusted_proxies: Vec::new(),
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
            password_sign_in: None,
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

use clap::Parser;
use veche_server::config::{Command, Config, LogFormat};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    init_logging(config.log_format);
    match &config.command {
        None => veche_server::serve(config).await,
        Some(Command::Init(founding)) => report(veche_server::founding::init(&config.database, founding).await),
        Some(Command::Backup { file }) => report(veche_server::backup::backup(&config.database, file).await),
        Some(Command::Restore { file }) => report(veche_server::backup::restore(&config.database, file).await),
    }
}

/// A maintenance command's one line of outcome.
fn report(outcome: anyhow::Result<String>) -> anyhow::Result<()> {
    println!("{}", outcome?);
    Ok(())
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "veche_server=info,tower_http=info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

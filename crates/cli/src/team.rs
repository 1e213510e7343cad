//! `team join|status|sync|share|unshare|invite|leave`.

use std::time::Duration;

use throughline_api::team::{self, JoinRequest, Wait};
use throughline_api::SystemClock;
use throughline_store::SharedKind;
use throughline_sync::Invitation;

use crate::cli::{
    LintFormat, TeamCommand, TeamInviteArgs, TeamItemArgs, TeamJoinArgs, TeamLeaveArgs,
    TeamStatusArgs, TeamSyncArgs,
};
use crate::commands::{open_workspace, workspace_path};
use crate::error::{CliError, OK, USAGE, WORKSPACE_OR_WRITE};

pub fn run(command: TeamCommand) -> Result<u8, CliError> {
    match command {
        TeamCommand::Join(args) => join(args),
        TeamCommand::Status(args) => status(args),
        TeamCommand::Sync(args) => sync(args),
        TeamCommand::Share(args) => share(args, true),
        TeamCommand::Unshare(args) => share(args, false),
        TeamCommand::Invite(args) => invite(args),
        TeamCommand::Leave(args) => leave(args),
    }
}

fn wait(seconds: u64) -> Wait {
    Wait(Duration::from_secs(seconds.clamp(1, 3600)))
}

fn join(args: TeamJoinArgs) -> Result<u8, CliError> {
    let path = workspace_path(args.workspace)?;
    let (server, team, team_name) = match (&args.invitation, &args.team, &args.new) {
        (Some(file), _, _) => {
            let bytes = throughline_api::files::read_limited(
                file,
                team_invitation_limit(),
                "a team invitation",
            )
            .map_err(|err| CliError::input(file, err))?;
            let invitation = Invitation::read(&bytes, args.allow_plain_ws)
                .map_err(|err| CliError::Api(err.into()))?;
            let server = args
                .server
                .clone()
                .unwrap_or_else(|| invitation.server.as_str().to_owned());
            (server, Some(invitation.team.secret()), invitation.name)
        }
        (None, Some(team), _) => (
            required_server(&args.server)?,
            Some(team.clone()),
            String::new(),
        ),
        (None, None, Some(name)) => (required_server(&args.server)?, None, name.clone()),
        (None, None, None) => {
            return Err(CliError::Usage(
                "say which team: --team ID, --invitation FILE, or --new NAME to start one".into(),
            ))
        }
    };
    let request = JoinRequest {
        server,
        team,
        team_name,
        display_name: args.name.unwrap_or_default(),
        allow_plain: args.allow_plain_ws,
    };
    let clock = SystemClock::from_env();
    let invitation = team::block_on(team::join(&path, request, wait(args.timeout), &clock))
        .map_err(CliError::Api)?
        .map_err(CliError::Api)?;
    if let Some(out) = &args.invitation_out {
        throughline_api::files::write_atomically(out, invitation.to_json().as_bytes())
            .map_err(|err| CliError::write(out, err))?;
        eprintln!(
            "wrote the invitation to {} — it is the key to the team: send it only to members",
            out.display()
        );
    }
    println!("joined “{}” on {}", invitation.name, invitation.server);
    Ok(OK)
}

fn team_invitation_limit() -> u64 {
    throughline_sync::address::INVITATION_LIMIT as u64
}

fn required_server(server: &Option<String>) -> Result<String, CliError> {
    server
        .clone()
        .ok_or_else(|| CliError::Usage("say where the team lives: --server wss://…".into()))
}

fn status(args: TeamStatusArgs) -> Result<u8, CliError> {
    let workspace = open_workspace(args.workspace)?;
    let status = team::status(&workspace).map_err(CliError::Api)?;
    match args.format {
        LintFormat::Json => println!("{}", serde_json::to_string(&status).unwrap_or_default()),
        LintFormat::Text => {
            if !status.joined {
                println!("not in a team (team join); nothing is sent anywhere");
                return Ok(OK);
            }
            println!("team “{}” on {}", status.team_name, status.server);
            println!(
                "you: {} ({})",
                if status.display_name.is_empty() {
                    "(no name)"
                } else {
                    &status.display_name
                },
                status.author_id
            );
            for (kind, count) in &status.shared {
                println!("shared {kind}: {count}");
            }
            if status.pending.is_empty() {
                println!("nothing waits to be sent");
            } else {
                println!("waiting to be sent: {}", status.pending.join(", "));
            }
            if !status.last_error.is_empty() {
                println!("last exchange: {}", status.last_error);
            }
        }
    }
    Ok(OK)
}

fn sync(args: TeamSyncArgs) -> Result<u8, CliError> {
    let path = workspace_path(args.workspace.clone())?;
    let clock = SystemClock::from_env();
    let outcome = team::block_on(team::sync(&path, wait(args.timeout), &clock))
        .map_err(CliError::Api)?
        .map_err(CliError::Api)?;
    match args.format {
        LintFormat::Json => println!("{}", serde_json::to_string(&outcome).unwrap_or_default()),
        LintFormat::Text => {
            println!("sent {} · received {}", outcome.sent, outcome.received);
            for problem in &outcome.problems {
                eprintln!("not applied: {problem}");
            }
        }
    }
    if outcome.confirmed {
        return Ok(OK);
    }
    let workspace = open_workspace(args.workspace)?;
    let pending = team::status(&workspace).map_err(CliError::Api)?.pending;
    eprintln!(
        "the server does not hold every change yet ({}); {}",
        outcome.offline_reason,
        if pending.is_empty() {
            "they are kept in this workspace for the next exchange".to_owned()
        } else {
            format!("waiting: {}", pending.join(", "))
        }
    );
    Ok(WORKSPACE_OR_WRITE)
}

fn share(args: TeamItemArgs, on: bool) -> Result<u8, CliError> {
    let (kind, id) = match (args.journal, args.initiative, args.update) {
        (Some(id), _, _) => (SharedKind::Journal, id),
        (None, Some(id), _) => (SharedKind::Initiative, id),
        (None, None, Some(id)) => (SharedKind::Update, id),
        _ => {
            return Err(CliError::Usage(
                "say which item: --journal, --initiative or --update".into(),
            ))
        }
    };
    let workspace = open_workspace(args.workspace)?;
    if on {
        team::share(&workspace, kind, id).map_err(CliError::Api)?;
        println!(
            "shared {} {id}: the next `team sync` sends it",
            kind.as_str()
        );
    } else {
        team::unshare(&workspace, kind, id).map_err(CliError::Api)?;
        println!("{}", team::UNSHARE_WARNING);
    }
    Ok(OK)
}

fn invite(args: TeamInviteArgs) -> Result<u8, CliError> {
    let workspace = open_workspace(args.workspace)?;
    let invitation = team::invitation(&workspace).map_err(CliError::Api)?;
    match &args.out {
        Some(out) => {
            throughline_api::files::write_atomically(out, invitation.to_json().as_bytes())
                .map_err(|err| CliError::write(out, err))?;
            println!("wrote {}", out.display());
        }
        None => println!("{}", invitation.to_json()),
    }
    Ok(OK)
}

fn leave(args: TeamLeaveArgs) -> Result<u8, CliError> {
    if !args.yes {
        eprintln!("{}\nRun again with --yes to leave.", team::LEAVE_WARNING);
        return Ok(USAGE);
    }
    let workspace = open_workspace(args.workspace)?;
    team::leave(&workspace).map_err(CliError::Api)?;
    println!("left the team. {}", team::LEAVE_WARNING);
    Ok(OK)
}

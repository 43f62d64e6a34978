// Shared pieces of the command line: the context every subcommand sees and the one place that
// maps error codes to exit statuses.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "base/result.h"

namespace bb::cli {

// Exit statuses: 0 success, 2 bad input (nothing written), 1 anything else.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int exit_code_for(ErrorCode code);

// Prints "bounceback: <field>: <message>" to stderr and returns the matching exit status.
int report(const Error& error);

struct CliContext {
  std::string db_path;  // --db: a SQLite path, sqlite:PATH or postgresql://...; empty: the XDG file
  int exit_code = kExitOk;
};

// The database the global --db names, as a URL for the store factory; the XDG SQLite file when
// none is given.
[[nodiscard]] Result<std::string> database_url(const CliContext& ctx);

// Each subcommand lives in its own <name>_command.cc, or with its group in <group>_commands.cc
// (the person's commands, on top of person_support.h), and registers itself here.
void register_analyze_command(CLI::App& app, CliContext& ctx);
void register_setup_commands(CLI::App& app, CliContext& ctx);   // profile, screen, clearance
void register_day_commands(CLI::App& app, CliContext& ctx);     // today, checkin, plan, log, followup
void register_record_commands(CLI::App& app, CliContext& ctx);  // history, progress, measure, rope-advice
void register_replay_command(CLI::App& app, CliContext& ctx);
void register_catalog_command(CLI::App& app, CliContext& ctx);
void register_serve_command(CLI::App& app, CliContext& ctx);
void register_cert_command(CLI::App& app, CliContext& ctx);

}  // namespace bb::cli

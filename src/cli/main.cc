#include <CLI/CLI.hpp>
#include <cstdio>

#include <fmt/format.h>

#include "cli/cli.h"
#include "store/sqlite_store.h"

namespace bb::cli {

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kConflict:
      return kExitBadInput;
    case ErrorCode::kNotFound:
    case ErrorCode::kUnavailable:
    case ErrorCode::kCorrupt:
    case ErrorCode::kInternal:
      return kExitFailure;
  }
  return kExitFailure;
}

Result<std::string> database_url(const CliContext& ctx) {
  if (!ctx.db_path.empty()) return ctx.db_path;
  BB_ASSIGN_OR_RETURN(std::string path, store::default_database_path());
  return "sqlite:" + path;
}

int report(const Error& error) {
  fmt::print(stderr, "bounceback: {}\n", error.describe());
  return exit_code_for(error.code);
}

}  // namespace bb::cli

int main(int argc, char** argv) {
  CLI::App app{"Bounceback: dosed movement for back pain: stretching, yoga and gentle jump rope."};
  app.require_subcommand(1);
  bb::cli::CliContext ctx;
  app.add_option("--db", ctx.db_path,
                 "SQLite file, sqlite:PATH or postgresql://... (default: "
                 "$XDG_DATA_HOME/bounceback/bounceback.db)");
  bb::cli::register_analyze_command(app, ctx);
  bb::cli::register_replay_command(app, ctx);
  bb::cli::register_day_commands(app, ctx);
  bb::cli::register_setup_commands(app, ctx);
  bb::cli::register_record_commands(app, ctx);
  bb::cli::register_catalog_command(app, ctx);
  bb::cli::register_serve_command(app, ctx);
  bb::cli::register_cert_command(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : bb::cli::kExitBadInput;
  }
  return ctx.exit_code;
}

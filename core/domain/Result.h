#pragma once

#include <QString>

#include <expected>

namespace teller {

// One error model for the whole core: a kind a caller can branch on, a message a person can
// read (already translated), and the server's SQLSTATE when there was one.
struct Error
{
    enum class Kind {
        BadInput,   // the caller's input is malformed; nothing was sent anywhere
        Config,     // a configuration value is invalid
        Connection, // the server could not be reached or the session was lost
        Database,   // the server answered with an error
        Schema,     // the database schema is missing, too old or too new
        Permission, // the server refused: not allowed for this login
        Io,         // a local file or process failed
        Internal,   // a bug: an answer we did not expect
    };

    Kind kind = Kind::Internal;
    QString message;
    QString sqlState;
    QString serverText; // the server's own words, when it answered with an error

    Error() = default;
    Error(Kind k, QString m, QString state = {}) : kind(k), message(std::move(m)), sqlState(std::move(state)) {}

    static Error badInput(QString m) { return {Kind::BadInput, std::move(m)}; }
    static Error config(QString m) { return {Kind::Config, std::move(m)}; }
    static Error io(QString m) { return {Kind::Io, std::move(m)}; }
    static Error internal(QString m) { return {Kind::Internal, std::move(m)}; }
};

template <typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Error e)
{
    return std::unexpected<Error>(std::move(e));
}

} // namespace teller

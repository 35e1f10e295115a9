#pragma once

// Inside the service layer only: how an account row of teller.accounts is read.

#include "Account.h"
#include "Result.h"

#include "Row.h"

// The columns readAccount() reads, in its order (a literal, joined at compile time).
#define TELLER_ACCOUNT_COLUMNS "id, number, holder, currency, balance, held, balance_floor, status, opened_at"

namespace teller::detail {
// The account in the row's columns from `offset` on; an error if the server sent something
// this program cannot read (an unknown currency or status).
Result<AccountInfo> readAccount(const Row &q, int offset);
} // namespace teller::detail

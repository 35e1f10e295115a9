-- 002 lookup indexes: the teller's account search matches a prefix of the account number or
-- of the holder's name, typed one character at a time. text_pattern_ops lets LIKE 'prefix%'
-- use a btree index whatever the database's collation is.

CREATE INDEX accounts_number_prefix ON teller.accounts (number text_pattern_ops);

"""The email channel: IMAP in, SMTP out, on the delivery pipeline."""

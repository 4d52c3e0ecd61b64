-- Fingerprints are keyed with a key kept outside the job repository (contract section 8). The salt
-- that earlier versions kept here, and the fingerprints made with it, let a reader of the database
-- test guesses: both go. A secret whose fingerprint is gone is simply sent once more on its next update.
DELETE FROM QCL_SETTING WHERE NAME = 'fingerprint-salt';
DELETE FROM QCL_SECRET_FINGERPRINT WHERE FINGERPRINT NOT LIKE 'k1:%';

-- The safety question may go unanswered (or unasked): the contract then leaves safetyConcern out, and the check-in
-- keeps NULL here. NULL is "not answered", never "no": the follow-up list shows it as null and the staff summary
-- counts only true.
ALTER TABLE check_ins ALTER COLUMN safety_concern DROP NOT NULL;

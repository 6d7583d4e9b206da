<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnswerChangesModel</name>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The client database could not be opened</source>
        <translation>The client database could not be opened</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing you saved is lost. The details are in the log file: {path}</source>
        <translation>Something unexpected went wrong; nothing you saved is lost. The details are in the log file: {path}</translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <source>Saved on</source>
        <translation>Saved on</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>Rule pack</translation>
    </message>
    <message>
        <source>{verdict}: {count} measures</source>
        <translation>{verdict}: {count} measures</translation>
    </message>
    <message>
        <source>Rule pack {id}, version {version}, content hash {sha256}</source>
        <translation>Rule pack {id}, version {version}, content hash {sha256}</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Needs information</source>
        <translation>Needs information</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Government task</source>
        <translation>Government task</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Awaiting national approval</source>
        <translation>Awaiting national approval</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <source>Targets dated end 2023</source>
        <translation>Targets dated end 2023</translation>
    </message>
    <message>
        <source>Before the notice was issued</source>
        <translation>Before the notice was issued</translation>
    </message>
</context>
<context>
    <name>BoolEditor</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Don't know</source>
        <translation>Don't know</translation>
    </message>
    <message>
        <source>Keys: Y yes, N no, D don't know</source>
        <translation>Keys: Y yes, N no, D don't know</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Measures gained</source>
        <translation>Measures gained</translation>
    </message>
    <message>
        <source>Measures lost</source>
        <translation>Measures lost</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>History and notes</source>
        <translation>History and notes</translation>
    </message>
    <message>
        <source>← Roster</source>
        <translation>← Roster</translation>
    </message>
    <message>
        <source>Back to the client roster</source>
        <translation>Back to the client roster</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save client</source>
        <translation>Save client</translation>
    </message>
    <message>
        <source>New walk-in (not saved)</source>
        <translation>New walk-in (not saved)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare visits</source>
        <translation>Compare visits</translation>
    </message>
    <message>
        <source>Visit of {later} (as of {later_as_of}) compared with {earlier} (as of {earlier_as_of})</source>
        <translation>Visit of {later} (as of {later_as_of}) compared with {earlier} (as of {earlier_as_of})</translation>
    </message>
    <message>
        <source>No verdict and no answer changed.</source>
        <translation>No verdict and no answer changed.</translation>
    </message>
    <message>
        <source>{gained} measures gained, {lost} lost, {other} other verdict changes, {answers} answers changed.</source>
        <translation>{gained} measures gained, {lost} lost, {other} other verdict changes, {answers} answers changed.</translation>
    </message>
    <message>
        <source>Verdicts that changed</source>
        <translation>Verdicts that changed</translation>
    </message>
    <message>
        <source>Answers that changed</source>
        <translation>Answers that changed</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Earlier visit</source>
        <translation>Earlier visit</translation>
    </message>
    <message>
        <source>Later visit</source>
        <translation>Later visit</translation>
    </message>
    <message>
        <source>Gained: now eligible ({count})</source>
        <translation>Gained: now eligible ({count})</translation>
    </message>
    <message>
        <source>Lost: no longer eligible ({count})</source>
        <translation>Lost: no longer eligible ({count})</translation>
    </message>
    <message>
        <source>Other verdict changes ({count})</source>
        <translation>Other verdict changes ({count})</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>not in the rules then</source>
        <translation>not in the rules then</translation>
    </message>
    <message>
        <source>not in the rules now</source>
        <translation>not in the rules now</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>at least</source>
        <translation>at least</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>at most</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>more than</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>less than</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>yes or no</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>{value} is out of range: it must be {bound} {limit}.</source>
        <translation>{value} is out of range: it must be {bound} {limit}.</translation>
    </message>
    <message>
        <source>Expected {kind}, got {value}.</source>
        <translation>Expected {kind}, got {value}.</translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed answers.</source>
        <translation>“{value}” is not one of the allowed answers.</translation>
    </message>
    <message>
        <source>The last character should be {char}: check the code for a typo.</source>
        <translation>The last character should be {char}: check the code for a typo.</translation>
    </message>
    <message>
        <source>A credit code has 18 characters; this one has {count}.</source>
        <translation>A credit code has 18 characters; this one has {count}.</translation>
    </message>
    <message>
        <source>A credit code uses only digits and capital letters other than I, O, S, V and Z.</source>
        <translation>A credit code uses only digits and capital letters other than I, O, S, V and Z.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2019-06-18.</source>
        <translation>Write the date as YYYY-MM-DD, e.g. 2019-06-18.</translation>
    </message>
    <message>
        <source>{value} is not a real date.</source>
        <translation>{value} is not a real date.</translation>
    </message>
    <message>
        <source>“{value}” is listed twice.</source>
        <translation>“{value}” is listed twice.</translation>
    </message>
    <message>
        <source>This is not a question of the profile: check the column's name.</source>
        <translation>This is not a question of the profile: check the column's name.</translation>
    </message>
    <message>
        <source>This answer is required.</source>
        <translation>This answer is required.</translation>
    </message>
    <message>
        <source>An empty answer is not allowed here; leave it out if unknown.</source>
        <translation>An empty answer is not allowed here; leave it out if unknown.</translation>
    </message>
    <message>
        <source>“{value}” is not a GB/T 4754-2017 industry code (a letter A–T and 0, 2, 3 or 4 digits, e.g. C3976).</source>
        <translation>“{value}” is not a GB/T 4754-2017 industry code (a letter A–T and 0, 2, 3 or 4 digits, e.g. C3976).</translation>
    </message>
    <message>
        <source>“{value}” lacks its section letter: write it as in GB/T 4754-2017, e.g. C3976.</source>
        <translation>“{value}” lacks its section letter: write it as in GB/T 4754-2017, e.g. C3976.</translation>
    </message>
    <message>
        <source>“{value}” is not in the GB/T 4754-2017 classification.</source>
        <translation>“{value}” is not in the GB/T 4754-2017 classification.</translation>
    </message>
    <message>
        <source>The same company as {row} of this file.</source>
        <translation>The same company as {row} of this file.</translation>
    </message>
    <message>
        <source>Already in the roster as client #{id} {name}.</source>
        <translation>Already in the roster as client #{id} {name}.</translation>
    </message>
    <message>
        <source> Tick “update clients already in the roster” to save the file's answers.</source>
        <translation> Tick “update clients already in the roster” to save the file's answers.</translation>
    </message>
    <message>
        <source>{count} cells beyond the last column.</source>
        <translation>{count} cells beyond the last column.</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>a folder</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>a named pipe (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>a device</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>a socket</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}: {text}</translation>
    </message>
    <message>
        <source>“{key}” is given twice; keep one of the two.</source>
        <translation>“{key}” is given twice; keep one of the two.</translation>
    </message>
    <message>
        <source>This answer is given twice; keep one of the two.</source>
        <translation>This answer is given twice; keep one of the two.</translation>
    </message>
    <message>
        <source>The text is damaged: it holds {code}, half of a character that cannot be stored.</source>
        <translation>The text is damaged: it holds {code}, half of a character that cannot be stored.</translation>
    </message>
    <message>
        <source>Lists or objects are nested deeper than any profile's answers.</source>
        <translation>Lists or objects are nested deeper than any profile's answers.</translation>
    </message>
    <message>
        <source>A whole number of {digits} digits is longer than any answer.</source>
        <translation>A whole number of {digits} digits is longer than any answer.</translation>
    </message>
    <message>
        <source>The text holds a NUL character (\x00), which no database can store: retype it.</source>
        <translation>The text holds a NUL character (\x00), which no database can store: retype it.</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text: save it as UTF-8 (in Excel: “CSV UTF-8”).</source>
        <translation>The file is neither UTF-8 nor GB18030 text: save it as UTF-8 (in Excel: “CSV UTF-8”).</translation>
    </message>
    <message>
        <source>This is {what}, not a file.</source>
        <translation>This is {what}, not a file.</translation>
    </message>
    <message>
        <source>The file is larger than {size}.</source>
        <translation>The file is larger than {size}.</translation>
    </message>
    <message>
        <source>A cell is longer than {limit} characters; this row and the rows after it were not read.</source>
        <translation>A cell is longer than {limit} characters; this row and the rows after it were not read.</translation>
    </message>
    <message>
        <source>The database refused this row: {why}</source>
        <translation>The database refused this row: {why}</translation>
    </message>
    <message>
        <source>{where} is not a roster database, or its beginning is damaged.</source>
        <translation>{where} is not a roster database, or its beginning is damaged.</translation>
    </message>
    <message>
        <source>{where} is damaged: restore a backup (policy-check db restore).</source>
        <translation>{where} is damaged: restore a backup (policy-check db restore).</translation>
    </message>
    <message>
        <source>{where} cannot be opened: the file or its folder cannot be read or written.</source>
        <translation>{where} cannot be opened: the file or its folder cannot be read or written.</translation>
    </message>
    <message>
        <source>{where} is read-only (the file or its folder): nothing was saved.</source>
        <translation>{where} is read-only (the file or its folder): nothing was saved.</translation>
    </message>
    <message>
        <source>{where}: permission denied: nothing was saved.</source>
        <translation>{where}: permission denied: nothing was saved.</translation>
    </message>
    <message>
        <source>{where}: the server's disk is full: nothing was saved.</source>
        <translation>{where}: the server's disk is full: nothing was saved.</translation>
    </message>
    <message>
        <source>{where}: the disk is full: nothing was saved.</source>
        <translation>{where}: the disk is full: nothing was saved.</translation>
    </message>
    <message>
        <source>{where}: the disk failed to read or write (is it full?).</source>
        <translation>{where}: the disk failed to read or write (is it full?).</translation>
    </message>
    <message>
        <source>{where} is busy: another program has kept it locked too long. Try again.</source>
        <translation>{where} is busy: another program has kept it locked too long. Try again.</translation>
    </message>
    <message>
        <source>Another desk saved the same company at the same moment; nothing was saved.</source>
        <translation>Another desk saved the same company at the same moment; nothing was saved.</translation>
    </message>
    <message>
        <source>Client #{id} does not exist (deleted at another desk?).</source>
        <translation>Client #{id} does not exist (deleted at another desk?).</translation>
    </message>
    <message>
        <source>{user} changed this client at {when}; nothing was saved: reopen it and apply your changes again.</source>
        <translation>{user} changed this client at {when}; nothing was saved: reopen it and apply your changes again.</translation>
    </message>
    <message>
        <source>Someone else changed this client while you were saving it; nothing was saved: reopen it and apply your changes again.</source>
        <translation>Someone else changed this client while you were saving it; nothing was saved: reopen it and apply your changes again.</translation>
    </message>
    <message>
        <source>{where} cannot be opened: {why}</source>
        <translation>{where} cannot be opened: {why}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>it is not a backup of this app</source>
        <translation>it is not a backup of this app</translation>
    </message>
    <message>
        <source>the backup is incomplete (cut short?)</source>
        <translation>the backup is incomplete (cut short?)</translation>
    </message>
    <message>
        <source>its checksum is missing (cut short?)</source>
        <translation>its checksum is missing (cut short?)</translation>
    </message>
    <message>
        <source>its checksum does not match: the file was altered or damaged</source>
        <translation>its checksum does not match: the file was altered or damaged</translation>
    </message>
    <message>
        <source>the file changed while it was being restored</source>
        <translation>the file changed while it was being restored</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>the file is damaged or cut short</translation>
    </message>
    <message>
        <source>line {number} of the file is damaged</source>
        <translation>line {number} of the file is damaged</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {why}. Nothing was restored.</source>
        <translation>{path} cannot be restored: {why}. Nothing was restored.</translation>
    </message>
    <message>
        <source>The database is empty: there is nothing to back up.</source>
        <translation>The database is empty: there is nothing to back up.</translation>
    </message>
    <message>
        <source>{path} cannot be written: {why}</source>
        <translation>{path} cannot be written: {why}</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of the app: update the app.</source>
        <translation>The backup was made by a newer version of the app: update the app.</translation>
    </message>
    <message>
        <source>The database already holds {rows} records: restore into an empty database, or replace its contents.</source>
        <translation>The database already holds {rows} records: restore into an empty database, or replace its contents.</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>row {number}</translation>
    </message>
</context>
<context>
    <name>CreditCodeEditor</name>
    <message>
        <source>18 characters; empty if unknown</source>
        <translation>18 characters; empty if unknown</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendar…</translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation>Pick the date on a calendar</translation>
    </message>
</context>
<context>
    <name>DetailController</name>
    <message>
        <source>Unknown: depends on {questions}</source>
        <translation>Unknown: depends on {questions}</translation>
    </message>
    <message>
        <source>Unknown: not yet answered</source>
        <translation>Unknown: not yet answered</translation>
    </message>
    <message>
        <source>{value} (required {symbol} {threshold})</source>
        <translation>{value} (required {symbol} {threshold})</translation>
    </message>
    <message>
        <source>Inferred: {value} ({basis})</source>
        <translation>Inferred: {value} ({basis})</translation>
    </message>
    <message>
        <source>Derived: {what}: {value} ({basis}; from: {inputs})</source>
        <translation>Derived: {what}: {value} ({basis}; from: {inputs})</translation>
    </message>
    <message>
        <source>Derived: {what}: {value} (from: {inputs})</source>
        <translation>Derived: {what}: {value} (from: {inputs})</translation>
    </message>
    <message>
        <source>Answered: {value} ({basis})</source>
        <translation>Answered: {value} ({basis})</translation>
    </message>
    <message>
        <source>Answered: {value}</source>
        <translation>Answered: {value}</translation>
    </message>
    <message>
        <source>{text} (unverified; {reference})</source>
        <translation>{text} (unverified; {reference})</translation>
    </message>
    <message>
        <source>{text} ({reference})</source>
        <translation>{text} ({reference})</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>The notice's words</source>
        <translation>The notice's words</translation>
    </message>
    <message>
        <source>What this measure is</source>
        <translation>What this measure is</translation>
    </message>
    <message>
        <source>What the company gains</source>
        <translation>What the company gains</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Documents to prepare</source>
        <translation>Documents to prepare</translation>
    </message>
    <message>
        <source>What would make it apply</source>
        <translation>What would make it apply</translation>
    </message>
    <message>
        <source>Questions still open</source>
        <translation>Questions still open</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Prerequisites</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Pick a measure in the results to see whether and why it applies.</source>
        <translation>Pick a measure in the results to see whether and why it applies.</translation>
    </message>
    <message>
        <source>Text of the measure, cited words highlighted</source>
        <translation>Text of the measure, cited words highlighted</translation>
    </message>
    <message>
        <source>Documents to prepare: tick when received</source>
        <translation>Documents to prepare: tick when received</translation>
    </message>
    <message>
        <source>Measure {number}: {title}</source>
        <translation>Measure {number}: {title}</translation>
    </message>
    <message>
        <source>Chapter: {chapter} · Standing: {status}</source>
        <translation>Chapter: {chapter} · Standing: {status}</translation>
    </message>
    <message>
        <source>Verdict: {verdict}</source>
        <translation>Verdict: {verdict}</translation>
    </message>
    <message>
        <source>No single change the company can make would make it apply.</source>
        <translation>No single change the company can make would make it apply.</translation>
    </message>
    <message>
        <source>Option: {title}</source>
        <translation>Option: {title}</translation>
    </message>
    <message>
        <source>{option} (the verdict comes from this one)</source>
        <translation>{option} (the verdict comes from this one)</translation>
    </message>
    <message>
        <source>{result}: {criterion}. {reading}</source>
        <translation>{result}: {criterion}. {reading}</translation>
    </message>
    <message>
        <source>{result}: {prerequisite}. {how}</source>
        <translation>{result}: {prerequisite}. {how}</translation>
    </message>
    <message>
        <source>Save the client to keep this checklist.</source>
        <translation>Save the client to keep this checklist.</translation>
    </message>
    <message>
        <source>Reading the checklist…</source>
        <translation>Reading the checklist…</translation>
    </message>
    <message>
        <source>The checklist could not be read. Try again later.</source>
        <translation>The checklist could not be read. Try again later.</translation>
    </message>
    <message>
        <source>Tick a document when the client has brought it.</source>
        <translation>Tick a document when the client has brought it.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>The tick could not be saved. Check the database and try again.</source>
        <translation>The tick could not be saved. Check the database and try again.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>{name} · credit code {code} · client no. {id}</source>
        <translation>{name} · credit code {code} · client no. {id}</translation>
    </message>
    <message>
        <source>{name} · no credit code · client no. {id}</source>
        <translation>{name} · no credit code · client no. {id}</translation>
    </message>
</context>
<context>
    <name>EnumEditor</name>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Don't know</source>
        <translation>Don't know</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The report settings are not valid: {problems}. Correct them in the settings.</source>
        <translation>The report settings are not valid: {problems}. Correct them in the settings.</translation>
    </message>
    <message>
        <source>This file cannot be imported: {problems}</source>
        <translation>This file cannot be imported: {problems}</translation>
    </message>
    <message>
        <source>The database refused: {reason}</source>
        <translation>The database refused: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong. The details are in the log file.</source>
        <translation>Something went wrong. The details are in the log file.</translation>
    </message>
    <message>
        <source>{name} cannot be written: permission denied. Choose another folder.</source>
        <translation>{name} cannot be written: permission denied. Choose another folder.</translation>
    </message>
    <message>
        <source>{name} cannot be written: the folder {folder} does not exist.</source>
        <translation>{name} cannot be written: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}.</source>
        <translation>{name} could not be written: {reason}.</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}.</source>
        <translation>The file could not be written: {reason}.</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Save the PDF report</source>
        <translation>Save the PDF report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Save the Excel workbook</source>
        <translation>Save the Excel workbook</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the one-page handout</source>
        <translation>Save the one-page handout</translation>
    </message>
    <message>
        <source>Give the company's name before exporting</source>
        <translation>Give the company's name before exporting</translation>
    </message>
    <message>
        <source>This name cannot be used: {problems}</source>
        <translation>This name cannot be used: {problems}</translation>
    </message>
    <message>
        <source>Writing the PDF report…</source>
        <translation>Writing the PDF report…</translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation>Writing the Excel workbook…</translation>
    </message>
    <message>
        <source>Preparing the handout…</source>
        <translation>Preparing the handout…</translation>
    </message>
    <message>
        <source>The file was saved as {path}, but no program could open it.</source>
        <translation>The file was saved as {path}, but no program could open it.</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Done {when}</source>
        <translation>Done {when}</translation>
    </message>
</context>
<context>
    <name>FrozenAssessmentDialog</name>
    <message>
        <source>Saved assessment of {name}</source>
        <translation>Saved assessment of {name}</translation>
    </message>
    <message>
        <source>{verdict}: {count}</source>
        <translation>{verdict}: {count}</translation>
    </message>
    <message>
        <source>Questions not listed under the profile were not answered (unknown).</source>
        <translation>Questions not listed under the profile were not answered (unknown).</translation>
    </message>
    <message>
        <source>Texts from the rules are shown in the language they were saved in.</source>
        <translation>Texts from the rules are shown in the language they were saved in.</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Profile as it was</source>
        <translation>Profile as it was</translation>
    </message>
    <message>
        <source>Measures as saved</source>
        <translation>Measures as saved</translation>
    </message>
    <message>
        <source>The selected measure, as saved</source>
        <translation>The selected measure, as saved</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FrozenResultsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Reading the client as now saved</source>
        <translation>Reading the client as now saved</translation>
    </message>
    <message>
        <source>Save refused</source>
        <translation>Save refused</translation>
    </message>
    <message>
        <source>Same rules: {pack}</source>
        <translation>Same rules: {pack}</translation>
    </message>
    <message>
        <source>The rule pack changed: {before} → {after}</source>
        <translation>The rule pack changed: {before} → {after}</translation>
    </message>
    <message>
        <source>The rule pack changed: v{before} → v{after}</source>
        <translation>The rule pack changed: v{before} → v{after}</translation>
    </message>
    <message>
        <source>The rule pack's content changed under the same version {version}: {before} → {after}</source>
        <translation>The rule pack's content changed under the same version {version}: {before} → {after}</translation>
    </message>
    <message>
        <source>Write something first: an empty note is not saved.</source>
        <translation>Write something first: an empty note is not saved.</translation>
    </message>
    <message>
        <source>Write what is to be done first: an empty follow-up is not saved.</source>
        <translation>Write what is to be done first: an empty follow-up is not saved.</translation>
    </message>
    <message>
        <source>Choose the date the follow-up is due.</source>
        <translation>Choose the date the follow-up is due.</translation>
    </message>
    <message>
        <source>The due date {due} is already past; choose {today} or a later date.</source>
        <translation>The due date {due} is already past; choose {today} or a later date.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>the client or record no longer exists (deleted at another desk?)</source>
        <translation>the client or record no longer exists (deleted at another desk?)</translation>
    </message>
    <message>
        <source>an unexpected error; the details are in the log</source>
        <translation>an unexpected error; the details are in the log</translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation>{action} failed: {reason}</translation>
    </message>
    <message>
        <source>Loading the visits</source>
        <translation>Loading the visits</translation>
    </message>
    <message>
        <source>Loading the notes</source>
        <translation>Loading the notes</translation>
    </message>
    <message>
        <source>Opening the visit</source>
        <translation>Opening the visit</translation>
    </message>
    <message>
        <source>Compare needs two visits; this client has {count}.</source>
        <translation>Compare needs two visits; this client has {count}.</translation>
    </message>
    <message>
        <source>This is the first visit: there is none before it to compare with.</source>
        <translation>This is the first visit: there is none before it to compare with.</translation>
    </message>
    <message>
        <source>Comparing the visits</source>
        <translation>Comparing the visits</translation>
    </message>
    <message>
        <source>Marking the follow-up done</source>
        <translation>Marking the follow-up done</translation>
    </message>
    <message>
        <source>Save the client first: notes are kept with a saved client.</source>
        <translation>Save the client first: notes are kept with a saved client.</translation>
    </message>
    <message>
        <source>Saving the note</source>
        <translation>Saving the note</translation>
    </message>
    <message>
        <source>Saved on {saved} by {by}, as of {as_of}, with rule pack {pack} version {version} ({sha256}); shown exactly as it was, not recomputed.</source>
        <translation>Saved on {saved} by {by}, as of {as_of}, with rule pack {pack} version {version} ({sha256}); shown exactly as it was, not recomputed.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Answer read</source>
        <translation>Answer read</translation>
    </message>
    <message>
        <source>The notice says</source>
        <translation>The notice says</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>What it brings</source>
        <translation>What it brings</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Where to apply</source>
        <translation>Where to apply</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Answers that could change this verdict</source>
        <translation>Answers that could change this verdict</translation>
    </message>
    <message>
        <source>What would make it apply</source>
        <translation>What would make it apply</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>Caveats</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Save the client to keep a history of its visits.</source>
        <translation>Save the client to keep a history of its visits.</translation>
    </message>
    <message>
        <source>Visits (saved assessments)</source>
        <translation>Visits (saved assessments)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Saved assessments of this client</source>
        <translation>Saved assessments of this client</translation>
    </message>
    <message>
        <source>Open the selected visit as it was saved</source>
        <translation>Open the selected visit as it was saved</translation>
    </message>
    <message>
        <source>Compare the selected visits, or the latest with the one before</source>
        <translation>Compare the selected visits, or the latest with the one before</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>History of {name}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>No assessment saved yet.</source>
        <translation>No assessment saved yet.</translation>
    </message>
    <message>
        <source>Two visits selected: Compare shows what changed.</source>
        <translation>Two visits selected: Compare shows what changed.</translation>
    </message>
    <message>
        <source>{count} visits. Select two to compare them.</source>
        <translation>{count} visits. Select two to compare them.</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {refused} refused</source>
        <translation>{added} added, {updated} updated, {unchanged} unchanged, {refused} refused</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>Import clients</translation>
    </message>
    <message>
        <source>Import clients from an Excel (.xlsx), CSV or JSON file: one client a row, the first row naming the columns (企业名称, 统一社会信用代码, …). Rows that cannot be read are listed below with the reason; the others are imported.</source>
        <translation>Import clients from an Excel (.xlsx), CSV or JSON file: one client a row, the first row naming the columns (企业名称, 统一社会信用代码, …). Rows that cannot be read are listed below with the reason; the others are imported.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Choose a file of clients</source>
        <translation>Choose a file of clients</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>&amp;Update clients already in the roster</source>
        <translation>&amp;Update clients already in the roster</translation>
    </message>
    <message>
        <source>Update clients already in the roster</source>
        <translation>Update clients already in the roster</translation>
    </message>
    <message>
        <source>A row for a company already in the roster saves its answers over the stored ones; without this, such rows are refused.</source>
        <translation>A row for a company already in the roster saves its answers over the stored ones; without this, such rows are refused.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Import the file</source>
        <translation>Import the file</translation>
    </message>
    <message>
        <source>&amp;Refused rows:</source>
        <translation>&amp;Refused rows:</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>Refused rows</translation>
    </message>
    <message>
        <source>Cop&amp;y list</source>
        <translation>Cop&amp;y list</translation>
    </message>
    <message>
        <source>Copy the refused rows</source>
        <translation>Copy the refused rows</translation>
    </message>
    <message>
        <source>&amp;Save list…</source>
        <translation>&amp;Save list…</translation>
    </message>
    <message>
        <source>Save the refused rows as a CSV file</source>
        <translation>Save the refused rows as a CSV file</translation>
    </message>
    <message>
        <source>Client files (*.xlsx *.csv *.json *.jsonl);;All files (*)</source>
        <translation>Client files (*.xlsx *.csv *.json *.jsonl);;All files (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Save the refused rows</source>
        <translation>Save the refused rows</translation>
    </message>
    <message>
        <source>refused-rows.csv</source>
        <translation>refused-rows.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The list could not be saved: {reason}.</source>
        <translation>The list could not be saved: {reason}.</translation>
    </message>
</context>
<context>
    <name>IndustryEditor</name>
    <message>
        <source>Search by code or words, e.g. C39, 3976, supermarket, 超市</source>
        <translation>Search by code or words, e.g. C39, 3976, supermarket, 超市</translation>
    </message>
    <message>
        <source>Search the industry classification</source>
        <translation>Search the industry classification</translation>
    </message>
    <message>
        <source>Industries found</source>
        <translation>Industries found</translation>
    </message>
    <message>
        <source>Don't know</source>
        <translation>Don't know</translation>
    </message>
    <message>
        <source>Don't know the industry</source>
        <translation>Don't know the industry</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>Not chosen yet: search below</source>
        <translation>Not chosen yet: search below</translation>
    </message>
</context>
<context>
    <name>InterviewController</name>
    <message>
        <source>Which of these certificates or recognitions does the company hold? Answer each one; leave one blank if you don't know.</source>
        <translation>Which of these certificates or recognitions does the company hold? Answer each one; leave one blank if you don't know.</translation>
    </message>
    <message>
        <source>New client · {open} measures still open</source>
        <translation>New client · {open} measures still open</translation>
    </message>
    <message>
        <source>{asked} questions answered · {open} measures still open · {eligible} eligible</source>
        <translation>{asked} questions answered · {open} measures still open · {eligible} eligible</translation>
    </message>
    <message>
        <source>Question {number} · {open} measures still open · {eligible} eligible so far</source>
        <translation>Question {number} · {open} measures still open · {eligible} eligible so far</translation>
    </message>
    <message>
        <source>Answering this can settle 1 measure</source>
        <translation>Answering this can settle 1 measure</translation>
    </message>
    <message>
        <source>Answering this can settle {count} measures</source>
        <translation>Answering this can settle {count} measures</translation>
    </message>
    <message>
        <source>Answering this can change 1 open measure</source>
        <translation>Answering this can change 1 open measure</translation>
    </message>
    <message>
        <source>Answering this can change {count} open measures</source>
        <translation>Answering this can change {count} open measures</translation>
    </message>
    <message>
        <source>You answered this before; a new answer replaces it</source>
        <translation>You answered this before; a new answer replaces it</translation>
    </message>
    <message>
        <source>It decides: {measures} and {count} more</source>
        <translation>It decides: {measures} and {count} more</translation>
    </message>
    <message>
        <source>It decides: {measures}</source>
        <translation>It decides: {measures}</translation>
    </message>
    <message>
        <source>Interview stopped: {eligible} eligible, {open} still need information.</source>
        <translation>Interview stopped: {eligible} eligible, {open} still need information.</translation>
    </message>
    <message>
        <source>Interview complete: {eligible} eligible, {open} still need information.</source>
        <translation>Interview complete: {eligible} eligible, {open} still need information.</translation>
    </message>
    <message>
        <source>No. {number} {title}</source>
        <translation>No. {number} {title}</translation>
    </message>
    <message>
        <source>Enter the company name: it is required.</source>
        <translation>Enter the company name: it is required.</translation>
    </message>
    <message>
        <source>The roster could not be searched for this company; the interview goes on.</source>
        <translation>The roster could not be searched for this company; the interview goes on.</translation>
    </message>
    <message>
        <source>This answer cannot be taken: {problem}</source>
        <translation>This answer cannot be taken: {problem}</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <source>New client: which company is it?</source>
        <translation>New client: which company is it?</translation>
    </message>
    <message>
        <source>Company &amp;name (required)</source>
        <translation>Company &amp;name (required)</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>Unified social &amp;credit code (optional)</source>
        <translation>Unified social &amp;credit code (optional)</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Leave it empty if the visitor does not know it; it is asked again later.</source>
        <translation>Leave it empty if the visitor does not know it; it is asked again later.</translation>
    </message>
    <message>
        <source>This company may already be in the roster</source>
        <translation>This company may already be in the roster</translation>
    </message>
    <message>
        <source>Open the existing client to continue its file, or go on if it is another one.</source>
        <translation>Open the existing client to continue its file, or go on if it is another one.</translation>
    </message>
    <message>
        <source>Clients already in the roster</source>
        <translation>Clients already in the roster</translation>
    </message>
    <message>
        <source>&amp;Open the existing client</source>
        <translation>&amp;Open the existing client</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>Open the existing client</translation>
    </message>
    <message>
        <source>It is a &amp;different company, continue</source>
        <translation>It is a &amp;different company, continue</translation>
    </message>
    <message>
        <source>It is a different company, continue</source>
        <translation>It is a different company, continue</translation>
    </message>
    <message>
        <source>Review the results on the right, save the client (Ctrl+S) or print the handout.</source>
        <translation>Review the results on the right, save the client (Ctrl+S) or print the handout.</translation>
    </message>
    <message>
        <source>Continue the interview</source>
        <translation>Continue the interview</translation>
    </message>
    <message>
        <source>Back to the last question</source>
        <translation>Back to the last question</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Don't know</source>
        <translation>Don't know</translation>
    </message>
    <message>
        <source>Stop interview</source>
        <translation>Stop interview</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <source>Keys: Enter next · Alt+Left back · Ctrl+J skip · Ctrl+K don't know · Esc stop</source>
        <translation>Keys: Enter next · Alt+Left back · Ctrl+J skip · Ctrl+K don't know · Esc stop</translation>
    </message>
    <message>
        <source>Give an answer, or press Don't know (Ctrl+K) or Skip (Ctrl+J).</source>
        <translation>Give an answer, or press Don't know (Ctrl+K) or Skip (Ctrl+J).</translation>
    </message>
    <message>
        <source>Checking the roster…</source>
        <translation>Checking the roster…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>New walk-in</source>
        <translation>New walk-in</translation>
    </message>
    <message>
        <source>Client roster</source>
        <translation>Client roster</translation>
    </message>
    <message>
        <source>Save client</source>
        <translation>Save client</translation>
    </message>
    <message>
        <source>Import clients…</source>
        <translation>Import clients…</translation>
    </message>
    <message>
        <source>Re-assess all clients…</source>
        <translation>Re-assess all clients…</translation>
    </message>
    <message>
        <source>Export PDF report…</source>
        <translation>Export PDF report…</translation>
    </message>
    <message>
        <source>Export Excel workbook…</source>
        <translation>Export Excel workbook…</translation>
    </message>
    <message>
        <source>Print walk-in handout…</source>
        <translation>Print walk-in handout…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>History and notes</source>
        <translation>History and notes</translation>
    </message>
    <message>
        <source>Switch to English</source>
        <translation>Switch to English</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About Policy Checker</source>
        <translation>About Policy Checker</translation>
    </message>
    <message>
        <source>Switch to Chinese</source>
        <translation>Switch to Chinese</translation>
    </message>
    <message>
        <source>Some saved answers were left out</source>
        <translation>Some saved answers were left out</translation>
    </message>
    <message>
        <source>These saved answers are not valid any more and were left out until you answer them again:
{problems}</source>
        <translation>These saved answers are not valid any more and were left out until you answer them again:
{problems}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Policy Checker</source>
        <translation>Policy Checker</translation>
    </message>
    <message>
        <source>The client could not be opened.</source>
        <translation>The client could not be opened.</translation>
    </message>
    <message>
        <source>Interview ended: {eligible} measures apply, {open} still need information.</source>
        <translation>Interview ended: {eligible} measures apply, {open} still need information.</translation>
    </message>
    <message>
        <source>The answers for {name} are not saved. Save them now?</source>
        <translation>The answers for {name} are not saved. Save them now?</translation>
    </message>
    <message>
        <source>this walk-in</source>
        <translation>this walk-in</translation>
    </message>
    <message>
        <source>Policy Checker tells a company which measures of a policy apply to it, why, what is still unknown and what to do next.

Rule pack: {pack} {version} ({sha})
Policy: {policy}</source>
        <translation>Policy Checker tells a company which measures of a policy apply to it, why, what is still unknown and what to do next.

Rule pack: {pack} {version} ({sha})
Policy: {policy}</translation>
    </message>
</context>
<context>
    <name>NameEditor</name>
    <message>
        <source>As on the business licence</source>
        <translation>As on the business licence</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>New note or follow-up</source>
        <translation>New note or follow-up</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <source>What was discussed, or what is to be done</source>
        <translation>What was discussed, or what is to be done</translation>
    </message>
    <message>
        <source>Mark the selected follow-up done</source>
        <translation>Mark the selected follow-up done</translation>
    </message>
    <message>
        <source>Add the text as a note</source>
        <translation>Add the text as a note</translation>
    </message>
    <message>
        <source>Add the text as a follow-up</source>
        <translation>Add the text as a follow-up</translation>
    </message>
    <message>
        <source>Text of the new note or follow-up</source>
        <translation>Text of the new note or follow-up</translation>
    </message>
    <message>
        <source>Date the follow-up is due</source>
        <translation>Date the follow-up is due</translation>
    </message>
    <message>
        <source>{overdue} overdue, {open} open in all</source>
        <translation>{overdue} overdue, {open} open in all</translation>
    </message>
    <message>
        <source>{due} due today, {open} open in all</source>
        <translation>{due} due today, {open} open in all</translation>
    </message>
    <message>
        <source>{open} open, none overdue</source>
        <translation>{open} open, none overdue</translation>
    </message>
    <message>
        <source>Nothing to follow up</source>
        <translation>Nothing to follow up</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>0 to 100; empty if unknown</source>
        <translation>0 to 100; empty if unknown</translation>
    </message>
    <message>
        <source>More than 0; empty if unknown</source>
        <translation>More than 0; empty if unknown</translation>
    </message>
    <message>
        <source>Empty if unknown</source>
        <translation>Empty if unknown</translation>
    </message>
</context>
<context>
    <name>PacksController</name>
    <message>
        <source>The installed rule packs could not be read.</source>
        <translation>The installed rule packs could not be read.</translation>
    </message>
    <message>
        <source>Checking and installing {name}…</source>
        <translation>Checking and installing {name}…</translation>
    </message>
    <message>
        <source>{pack} {version} is already installed; nothing changed.</source>
        <translation>{pack} {version} is already installed; nothing changed.</translation>
    </message>
    <message>
        <source>{pack} {version} was installed. Choose "Use this pack" to assess with it.</source>
        <translation>{pack} {version} was installed. Choose "Use this pack" to assess with it.</translation>
    </message>
    <message>
        <source>The rule pack could not be installed.</source>
        <translation>The rule pack could not be installed.</translation>
    </message>
    <message>
        <source>{reason} Nothing was installed.</source>
        <translation>{reason} Nothing was installed.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message>
        <source>This file is not a rule pack file, or it is damaged.</source>
        <translation>This file is not a rule pack file, or it is damaged.</translation>
    </message>
    <message>
        <source>The pack file holds a file outside its own folder, or a link; it was refused for safety.</source>
        <translation>The pack file holds a file outside its own folder, or a link; it was refused for safety.</translation>
    </message>
    <message>
        <source>The pack file is too large, or unpacks to far more data than it holds (a zip bomb); it was refused.</source>
        <translation>The pack file is too large, or unpacks to far more data than it holds (a zip bomb); it was refused.</translation>
    </message>
    <message>
        <source>The pack file holds files that are no part of a rule pack.</source>
        <translation>The pack file holds files that are no part of a rule pack.</translation>
    </message>
    <message>
        <source>The pack file's manifest is missing or damaged.</source>
        <translation>The pack file's manifest is missing or damaged.</translation>
    </message>
    <message>
        <source>This pack file was made for a newer version of Policy Checker. Update the app to install it.</source>
        <translation>This pack file was made for a newer version of Policy Checker. Update the app to install it.</translation>
    </message>
    <message>
        <source>The pack's data would expand without limit (a YAML bomb); it was refused.</source>
        <translation>The pack's data would expand without limit (a YAML bomb); it was refused.</translation>
    </message>
    <message>
        <source>The pack's files were changed after it was made: its content hash does not match.</source>
        <translation>The pack's files were changed after it was made: its content hash does not match.</translation>
    </message>
    <message>
        <source>The pack's rules did not pass their checks ({detail}).</source>
        <translation>The pack's rules did not pass their checks ({detail}).</translation>
    </message>
    <message>
        <source>This version of the pack is already installed with different content. A changed pack needs a new version number.</source>
        <translation>This version of the pack is already installed with different content. A changed pack needs a new version number.</translation>
    </message>
    <message>
        <source>The pack could not be saved in the folder of installed packs.</source>
        <translation>The pack could not be saved in the folder of installed packs.</translation>
    </message>
    <message>
        <source>Now assessing with {pack} {version}.</source>
        <translation>Now assessing with {pack} {version}.</translation>
    </message>
    <message>
        <source>The rule pack could not be put in use: the roster could not be opened with it. The pack in use is unchanged.</source>
        <translation>The rule pack could not be put in use: the roster could not be opened with it. The pack in use is unchanged.</translation>
    </message>
    <message>
        <source>Counting the clients whose verdicts would change…</source>
        <translation>Counting the clients whose verdicts would change…</translation>
    </message>
    <message>
        <source>{changed} of {clients} clients would see a verdict change.</source>
        <translation>{changed} of {clients} clients would see a verdict change.</translation>
    </message>
    <message>
        <source>The roster could not be read to count who changes.</source>
        <translation>The roster could not be read to count who changes.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>its status changed</source>
        <translation>its status changed</translation>
    </message>
    <message>
        <source>its kind changed</source>
        <translation>its kind changed</translation>
    </message>
    <message>
        <source>its clause changed</source>
        <translation>its clause changed</translation>
    </message>
    <message>
        <source>the criteria of {part} changed</source>
        <translation>the criteria of {part} changed</translation>
    </message>
    <message>
        <source>part {part} added</source>
        <translation>part {part} added</translation>
    </message>
    <message>
        <source>part {part} removed</source>
        <translation>part {part} removed</translation>
    </message>
    <message>
        <source>{pack} {version} is the first version of this pack here.</source>
        <translation>{pack} {version} is the first version of this pack here.</translation>
    </message>
    <message>
        <source>No measure differs between {old} {old_version} and {pack} {version}.</source>
        <translation>No measure differs between {old} {old_version} and {pack} {version}.</translation>
    </message>
    <message>
        <source>{count} measures differ between {old} {old_version} and {pack} {version}:</source>
        <translation>{count} measures differ between {old} {old_version} and {pack} {version}:</translation>
    </message>
</context>
<context>
    <name>PacksModel</name>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Pack</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Built in</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>Not in use</translation>
    </message>
    <message>
        <source> (built in)</source>
        <translation> (built in)</translation>
    </message>
</context>
<context>
    <name>PacksPage</name>
    <message>
        <source>A rule pack holds the measures of a notice. When the province publishes a new or amended notice, install its pack file here and put it in use: every client is then assessed with it. Installing and choosing take effect at once.</source>
        <translation>A rule pack holds the measures of a notice. When the province publishes a new or amended notice, install its pack file here and put it in use: every client is then assessed with it. Installing and choosing take effect at once.</translation>
    </message>
    <message>
        <source>Installed rule packs</source>
        <translation>Installed rule packs</translation>
    </message>
    <message>
        <source>&amp;Install from file…</source>
        <translation>&amp;Install from file…</translation>
    </message>
    <message>
        <source>Install a rule pack from a file</source>
        <translation>Install a rule pack from a file</translation>
    </message>
    <message>
        <source>&amp;Use this pack</source>
        <translation>&amp;Use this pack</translation>
    </message>
    <message>
        <source>Assess with the selected rule pack</source>
        <translation>Assess with the selected rule pack</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Measures that changed</source>
        <translation>Measures that changed</translation>
    </message>
    <message>
        <source>Install a rule pack</source>
        <translation>Install a rule pack</translation>
    </message>
    <message>
        <source>Rule pack files (*.pcpack *.zip);;All files (*)</source>
        <translation>Rule pack files (*.pcpack *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Re-assess all clients…</source>
        <translation>&amp;Re-assess all clients…</translation>
    </message>
    <message>
        <source>Use it and &amp;re-assess all clients…</source>
        <translation>Use it and &amp;re-assess all clients…</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Industry and size</source>
        <translation>Industry and size</translation>
    </message>
    <message>
        <source>Status and certificates</source>
        <translation>Status and certificates</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>{basis}. Not answered yet: answer the question to override.</source>
        <translation>{basis}. Not answered yet: answer the question to override.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>New client, not saved yet</source>
        <translation>New client, not saved yet</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>All changes saved</translation>
    </message>
    <message>
        <source>Enter the company's name: it is required.</source>
        <translation>Enter the company's name: it is required.</translation>
    </message>
    <message>
        <source>This answer cannot be taken: {reason}</source>
        <translation>This answer cannot be taken: {reason}</translation>
    </message>
    <message>
        <source>A save is already running.</source>
        <translation>A save is already running.</translation>
    </message>
    <message>
        <source>Enter the company's name before saving.</source>
        <translation>Enter the company's name before saving.</translation>
    </message>
    <message>
        <source>someone else saved this client after you opened it. Nothing was overwritten: reload it or compare the two versions.</source>
        <translation>someone else saved this client after you opened it. Nothing was overwritten: reload it or compare the two versions.</translation>
    </message>
    <message>
        <source>something unexpected went wrong; the details are in the log file.</source>
        <translation>something unexpected went wrong; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>ProfileEditorView</name>
    <message>
        <source>Enter the company's name before saving.</source>
        <translation>Enter the company's name before saving.</translation>
    </message>
    <message>
        <source>The client was not saved.</source>
        <translation>The client was not saved.</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>New client</translation>
    </message>
    <message>
        <source>Already in the roster</source>
        <translation>Already in the roster</translation>
    </message>
    <message>
        <source>This company seems to be in the roster already.</source>
        <translation>This company seems to be in the roster already.</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>Open the existing client</translation>
    </message>
    <message>
        <source>Save as a different company</source>
        <translation>Save as a different company</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the client (Ctrl+S)</source>
        <translation>Save the client (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the client</source>
        <translation>Save the client</translation>
    </message>
    <message>
        <source>Show or hide help for this question</source>
        <translation>Show or hide help for this question</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>ProfileModel</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Please wait</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>ReassessController</name>
    <message>
        <source>The roster could not be re-assessed: the database did not answer. Clients re-assessed before the failure keep their new assessment.</source>
        <translation>The roster could not be re-assessed: the database did not answer. Clients re-assessed before the failure keep their new assessment.</translation>
    </message>
    <message>
        <source>Every client in the roster is checked against the rule pack in use, {pack} {version}, as of {day}. A new assessment is saved only for the clients whose verdicts changed; the others keep theirs.</source>
        <translation>Every client in the roster is checked against the rule pack in use, {pack} {version}, as of {day}. A new assessment is saved only for the clients whose verdicts changed; the others keep theirs.</translation>
    </message>
    <message>
        <source>{checked} clients checked: verdicts changed for {changed}, {first} assessed for the first time, {unchanged} unchanged.</source>
        <translation>{checked} clients checked: verdicts changed for {changed}, {first} assessed for the first time, {unchanged} unchanged.</translation>
    </message>
    <message>
        <source>{count} clients could not be assessed: their saved answers are no longer valid.</source>
        <translation>{count} clients could not be assessed: their saved answers are no longer valid.</translation>
    </message>
</context>
<context>
    <name>ReassessDialog</name>
    <message>
        <source>Re-assess all clients</source>
        <translation>Re-assess all clients</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Start re-assessing every client</source>
        <translation>Start re-assessing every client</translation>
    </message>
    <message>
        <source>Clients who &amp;gained or lost measures:</source>
        <translation>Clients who &amp;gained or lost measures:</translation>
    </message>
    <message>
        <source>Clients who gained or lost measures</source>
        <translation>Clients who gained or lost measures</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Re-assessing…</source>
        <translation>Re-assessing…</translation>
    </message>
    <message>
        <source>{done} of {total} clients checked…</source>
        <translation>{done} of {total} clients checked…</translation>
    </message>
</context>
<context>
    <name>RefusedRowsModel</name>
    <message>
        <source>Line {number}</source>
        <translation>Line {number}</translation>
    </message>
    <message>
        <source>Item {number}</source>
        <translation>Item {number}</translation>
    </message>
    <message>
        <source>Row {number}</source>
        <translation>Row {number}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ResultsController</name>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>Chapter {number}</source>
        <translation>Chapter {number}</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Standing</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>{title} ({shown} of {total})</source>
        <translation>{title} ({shown} of {total})</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Group by:</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Chapter of the notice</source>
        <translation>Chapter of the notice</translation>
    </message>
    <message>
        <source>Number (no groups)</source>
        <translation>Number (no groups)</translation>
    </message>
    <message>
        <source>Group the measures by</source>
        <translation>Group the measures by</translation>
    </message>
    <message>
        <source>Filter by number or title (Ctrl+F)</source>
        <translation>Filter by number or title (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter measures by number or title</source>
        <translation>Filter measures by number or title</translation>
    </message>
    <message>
        <source>Measures and verdicts</source>
        <translation>Measures and verdicts</translation>
    </message>
    <message>
        <source>The notice set the end of 2023 for its targets. That date has passed: check the current practice with the office before relying on a measure.</source>
        <translation>The notice set the end of 2023 for its targets. That date has passed: check the current practice with the office before relying on a measure.</translation>
    </message>
    <message>
        <source>No measure matches the filters.</source>
        <translation>No measure matches the filters.</translation>
    </message>
    <message>
        <source>The as-of date is before the notice was issued ({issued}): it was not yet in force then, so these verdicts are for reference only.</source>
        <translation>The as-of date is before the notice was issued ({issued}): it was not yet in force then, so these verdicts are for reference only.</translation>
    </message>
    <message>
        <source>{verdict}: {count}</source>
        <translation>{verdict}: {count}</translation>
    </message>
    <message>
        <source>Show {verdict} measures ({count})</source>
        <translation>Show {verdict} measures ({count})</translation>
    </message>
    <message>
        <source>Show or hide these measures</source>
        <translation>Show or hide these measures</translation>
    </message>
</context>
<context>
    <name>RosterController</name>
    <message>
        <source>The client list could not be read from the database.</source>
        <translation>The client list could not be read from the database.</translation>
    </message>
    <message>
        <source>{name} was changed at another desk, so it was not deleted. Look at it again and delete it if it should go.</source>
        <translation>{name} was changed at another desk, so it was not deleted. Look at it again and delete it if it should go.</translation>
    </message>
    <message>
        <source>{name} could not be deleted: {reason}</source>
        <translation>{name} could not be deleted: {reason}</translation>
    </message>
    <message>
        <source>{name} could not be deleted: the database refused.</source>
        <translation>{name} could not be deleted: the database refused.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Last assessed</source>
        <translation>Last assessed</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Needs info</source>
        <translation>Needs info</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>Measures the latest assessment found eligible</source>
        <translation>Measures the latest assessment found eligible</translation>
    </message>
    <message>
        <source>Measures that need more information to decide</source>
        <translation>Measures that need more information to decide</translation>
    </message>
    <message>
        <source>Open follow-ups due on or before the assessment date</source>
        <translation>Open follow-ups due on or before the assessment date</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>{date} (older rules)</source>
        <translation>{date} (older rules)</translation>
    </message>
    <message>
        <source>Credit code not given</source>
        <translation>Credit code not given</translation>
    </message>
    <message>
        <source>Never assessed</source>
        <translation>Never assessed</translation>
    </message>
    <message>
        <source>Assessed on {date}, as of {as_of}</source>
        <translation>Assessed on {date}, as of {as_of}</translation>
    </message>
    <message>
        <source>Made with an older version of the rules: assess again.</source>
        <translation>Made with an older version of the rules: assess again.</translation>
    </message>
    <message>
        <source>Follow-ups due: {count} (the earliest on {date})</source>
        <translation>Follow-ups due: {count} (the earliest on {date})</translation>
    </message>
    <message>
        <source>No follow-up due; the next on {date}</source>
        <translation>No follow-up due; the next on {date}</translation>
    </message>
    <message>
        <source>No follow-up due</source>
        <translation>No follow-up due</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>New walk-in</source>
        <translation>New walk-in</translation>
    </message>
    <message>
        <source>Start a new client from an empty profile (Ctrl+N)</source>
        <translation>Start a new client from an empty profile (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search by name or credit code (Ctrl+F)</source>
        <translation>Search by name or credit code (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Search clients</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>Zone filter</source>
        <translation>Zone filter</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>Assessment filter</source>
        <translation>Assessment filter</translation>
    </message>
    <message>
        <source>Follow-up &amp;due</source>
        <translation>Follow-up &amp;due</translation>
    </message>
    <message>
        <source>Only clients with a follow-up due</source>
        <translation>Only clients with a follow-up due</translation>
    </message>
    <message>
        <source>Only clients with an open follow-up due on or before the assessment date</source>
        <translation>Only clients with an open follow-up due on or before the assessment date</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open the selected client (Enter)</source>
        <translation>Open the selected client (Enter)</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Open client</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Delete the selected client (Del)</source>
        <translation>Delete the selected client (Del)</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Delete client</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Put the client back (Ctrl+Z)</source>
        <translation>Put the client back (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>All clients</translation>
    </message>
    <message>
        <source>With eligible measures</source>
        <translation>With eligible measures</translation>
    </message>
    <message>
        <source>With open questions</source>
        <translation>With open questions</translation>
    </message>
    <message>
        <source>Never assessed</source>
        <translation>Never assessed</translation>
    </message>
    <message>
        <source>Assessed with older rules</source>
        <translation>Assessed with older rules</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>All zones</translation>
    </message>
    <message>
        <source>Zone not given</source>
        <translation>Zone not given</translation>
    </message>
    <message>
        <source>Loading clients…</source>
        <translation>Loading clients…</translation>
    </message>
    <message>
        <source>{shown} of {total} clients</source>
        <translation>{shown} of {total} clients</translation>
    </message>
    <message>
        <source>Follow-up &amp;due ({count})</source>
        <translation>Follow-up &amp;due ({count})</translation>
    </message>
    <message>
        <source>No clients yet: start a walk-in with Ctrl+N or import a spreadsheet.</source>
        <translation>No clients yet: start a walk-in with Ctrl+N or import a spreadsheet.</translation>
    </message>
    <message>
        <source>No clients match the search and filters.</source>
        <translation>No clients match the search and filters.</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Clear search and filters</translation>
    </message>
    <message>
        <source>{name} will be deleted. Undo within {seconds} seconds to keep it.</source>
        <translation>{name} will be deleted. Undo within {seconds} seconds to keep it.</translation>
    </message>
    <message>
        <source>Delete {name} with its history, assessments, notes and checklist?

You can undo for {seconds} seconds. The deletion is made when the undo bar closes, when you delete another client, or when you leave the list.</source>
        <translation>Delete {name} with its history, assessments, notes and checklist?

You can undo for {seconds} seconds. The deletion is made when the undo bar closes, when you delete another client, or when you leave the list.</translation>
    </message>
</context>
<context>
    <name>SaveConflictDialog</name>
    <message>
        <source>Someone else saved this client</source>
        <translation>Someone else saved this client</translation>
    </message>
    <message>
        <source>{who} saved {name} on {when}, after you opened it. Your changes are not lost: compare the answers below and choose.</source>
        <translation>{who} saved {name} on {when}, after you opened it. Your changes are not lost: compare the answers below and choose.</translation>
    </message>
    <message>
        <source>Keep mine: save your answers as the newest version (theirs stays in the history). Take theirs: reload the client as they saved it; your unsaved changes are dropped. Cancel: go on editing; nothing is saved.</source>
        <translation>Keep mine: save your answers as the newest version (theirs stays in the history). Take theirs: reload the client as they saved it; your unsaved changes are dropped. Cancel: go on editing; nothing is saved.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Keep mine: save my answers over theirs</source>
        <translation>Keep mine: save my answers over theirs</translation>
    </message>
    <message>
        <source>Take theirs: reload the saved client</source>
        <translation>Take theirs: reload the saved client</translation>
    </message>
    <message>
        <source>Cancel: keep editing, nothing is saved</source>
        <translation>Cancel: keep editing, nothing is saved</translation>
    </message>
    <message>
        <source>Answers that differ: mine and theirs</source>
        <translation>Answers that differ: mine and theirs</translation>
    </message>
    <message>
        <source>My answer</source>
        <translation>My answer</translation>
    </message>
    <message>
        <source>Saved by {who}</source>
        <translation>Saved by {who}</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>The settings file could not be read; saving will replace it.</source>
        <translation>The settings file could not be read; saving will replace it.</translation>
    </message>
    <message>
        <source>The report branding file could not be read; saving will replace it.</source>
        <translation>The report branding file could not be read; saving will replace it.</translation>
    </message>
    <message>
        <source>Choose Chinese or English.</source>
        <translation>Choose Chinese or English.</translation>
    </message>
    <message>
        <source>{day} is not a date of the calendar; write it as 2026-11-26.</source>
        <translation>{day} is not a date of the calendar; write it as 2026-11-26.</translation>
    </message>
    <message>
        <source>Choose the file of the client roster.</source>
        <translation>Choose the file of the client roster.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file.</source>
        <translation>{path} is a folder; choose a file.</translation>
    </message>
    <message>
        <source>Choose a local file or a PostgreSQL server.</source>
        <translation>Choose a local file or a PostgreSQL server.</translation>
    </message>
    <message>
        <source>Enter the server's name or address, e.g. centre-db.</source>
        <translation>Enter the server's name or address, e.g. centre-db.</translation>
    </message>
    <message>
        <source>{host} is not a server name or address.</source>
        <translation>{host} is not a server name or address.</translation>
    </message>
    <message>
        <source>The port is a whole number from 1 to 65535 (usually 5432).</source>
        <translation>The port is a whole number from 1 to 65535 (usually 5432).</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>Enter the name of the database.</translation>
    </message>
    <message>
        <source>Enter the user name to connect as.</source>
        <translation>Enter the user name to connect as.</translation>
    </message>
    <message>
        <source>The password contains characters that cannot be typed.</source>
        <translation>The password contains characters that cannot be typed.</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the password, and it is never written to a file. Unlock or install one (such as GNOME Keyring or KWallet), or leave the password empty if the server lets this computer in without one.</source>
        <translation>No system keyring is available to keep the password, and it is never written to a file. Unlock or install one (such as GNOME Keyring or KWallet), or leave the password empty if the server lets this computer in without one.</translation>
    </message>
    <message>
        <source>The name of who prepared the report is longer than 200 characters.</source>
        <translation>The name of who prepared the report is longer than 200 characters.</translation>
    </message>
    <message>
        <source>The organisation's name is longer than 200 characters.</source>
        <translation>The organisation's name is longer than 200 characters.</translation>
    </message>
    <message>
        <source>The contact details are longer than 200 characters.</source>
        <translation>The contact details are longer than 200 characters.</translation>
    </message>
    <message>
        <source>The name of who prepared the report has characters that cannot be printed.</source>
        <translation>The name of who prepared the report has characters that cannot be printed.</translation>
    </message>
    <message>
        <source>The organisation's name has characters that cannot be printed.</source>
        <translation>The organisation's name has characters that cannot be printed.</translation>
    </message>
    <message>
        <source>The contact details have characters that cannot be printed.</source>
        <translation>The contact details have characters that cannot be printed.</translation>
    </message>
    <message>
        <source>{colour} is not a colour; write it as #RRGGBB, e.g. #1F4E79.</source>
        <translation>{colour} is not a colour; write it as #RRGGBB, e.g. #1F4E79.</translation>
    </message>
    <message>
        <source>The report branding was refused: {why}</source>
        <translation>The report branding was refused: {why}</translation>
    </message>
    <message>
        <source>The logo file {path} does not exist.</source>
        <translation>The logo file {path} does not exist.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose the logo's image file.</source>
        <translation>{path} is a folder; choose the logo's image file.</translation>
    </message>
    <message>
        <source>{path} is a device or a pipe, not a file; choose the logo's image file.</source>
        <translation>{path} is a device or a pipe, not a file; choose the logo's image file.</translation>
    </message>
    <message>
        <source>The logo {path} is larger than 2 MB; choose a smaller image.</source>
        <translation>The logo {path} is larger than 2 MB; choose a smaller image.</translation>
    </message>
    <message>
        <source>The logo {path} is not a PNG or JPEG image.</source>
        <translation>The logo {path} is not a PNG or JPEG image.</translation>
    </message>
    <message>
        <source>The logo {path} cannot be read.</source>
        <translation>The logo {path} cannot be read.</translation>
    </message>
    <message>
        <source>The file does not exist yet: a new, empty roster is made there on saving.</source>
        <translation>The file does not exist yet: a new, empty roster is made there on saving.</translation>
    </message>
    <message>
        <source>Connected, but this database was made by a newer version of policy-checker. Update the app to use it.</source>
        <translation>Connected, but this database was made by a newer version of policy-checker. Update the app to use it.</translation>
    </message>
    <message>
        <source>Connected. The database is empty: policy-checker sets it up on saving.</source>
        <translation>Connected. The database is empty: policy-checker sets it up on saving.</translation>
    </message>
    <message>
        <source>Connected. This is a policy-checker roster.</source>
        <translation>Connected. This is a policy-checker roster.</translation>
    </message>
    <message>
        <source>Connected. This roster is upgraded to this version of policy-checker on saving.</source>
        <translation>Connected. This roster is upgraded to this version of policy-checker on saving.</translation>
    </message>
    <message>
        <source>Wait until the database has answered.</source>
        <translation>Wait until the database has answered.</translation>
    </message>
    <message>
        <source>The settings could not be saved in {folder}. Check that it can be written.</source>
        <translation>The settings could not be saved in {folder}. Check that it can be written.</translation>
    </message>
    <message>
        <source>This database was made by a newer version of policy-checker. Update the app to use it.</source>
        <translation>This database was made by a newer version of policy-checker. Update the app to use it.</translation>
    </message>
    <message>
        <source>{where} holds other data: it is not a policy-checker roster.</source>
        <translation>{where} holds other data: it is not a policy-checker roster.</translation>
    </message>
    <message>
        <source>The roster in {where} could not be brought up to date.</source>
        <translation>The roster in {where} could not be brought up to date.</translation>
    </message>
    <message>
        <source>The database {where} could not be opened.</source>
        <translation>The database {where} could not be opened.</translation>
    </message>
    <message>
        <source>The server {server} refused the user name or the password.</source>
        <translation>The server {server} refused the user name or the password.</translation>
    </message>
    <message>
        <source>The server {server} has no database called {name}.</source>
        <translation>The server {server} has no database called {name}.</translation>
    </message>
    <message>
        <source>No server called {host} was found. Check the server's name.</source>
        <translation>No server called {host} was found. Check the server's name.</translation>
    </message>
    <message>
        <source>The server {server} did not answer. Check its name and port, and that it is running and reachable from this computer.</source>
        <translation>The server {server} did not answer. Check its name and port, and that it is running and reachable from this computer.</translation>
    </message>
    <message>
        <source>{where} is not a database file.</source>
        <translation>{where} is not a database file.</translation>
    </message>
    <message>
        <source>The file {where} cannot be opened or created here.</source>
        <translation>The file {where} cannot be opened or created here.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Report branding</source>
        <translation>Report branding</translation>
    </message>
    <message>
        <source>Rule packs</source>
        <translation>Rule packs</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Assess as of:</source>
        <translation>Assess as of:</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>A &amp;fixed date:</source>
        <translation>A &amp;fixed date:</translation>
    </message>
    <message>
        <source>Fixed assessment date</source>
        <translation>Fixed assessment date</translation>
    </message>
    <message>
        <source>Deadlines and amounts that change over time are judged as of this date. A fixed date lets you repeat an earlier assessment.</source>
        <translation>Deadlines and amounts that change over time are judged as of this date. A fixed date lets you repeat an earlier assessment.</translation>
    </message>
    <message>
        <source>A &amp;file on this computer</source>
        <translation>A &amp;file on this computer</translation>
    </message>
    <message>
        <source>A shared &amp;PostgreSQL server (service centre)</source>
        <translation>A shared &amp;PostgreSQL server (service centre)</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Choose the database file</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Default</translation>
    </message>
    <message>
        <source>Use the default database file</source>
        <translation>Use the default database file</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Server name or address</source>
        <translation>Server name or address</translation>
    </message>
    <message>
        <source>e.g. centre-db</source>
        <translation>e.g. centre-db</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>D&amp;atabase:</source>
        <translation>D&amp;atabase:</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Empty: keep the saved password, if any</source>
        <translation>Empty: keep the saved password, if any</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>In use now: {where}</source>
        <translation>In use now: {where}</translation>
    </message>
    <message>
        <source>Printed on the reports you export: who prepared them, and for whom.</source>
        <translation>Printed on the reports you export: who prepared them, and for whom.</translation>
    </message>
    <message>
        <source>&amp;Prepared by:</source>
        <translation>&amp;Prepared by:</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>e.g. Wang Xiaoming, adviser</source>
        <translation>e.g. Wang Xiaoming, adviser</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>e.g. Donghu service centre</source>
        <translation>e.g. Donghu service centre</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>Address, telephone, e-mail</source>
        <translation>Address, telephone, e-mail</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Logo file</translation>
    </message>
    <message>
        <source>PNG or JPEG, at most 2 MB</source>
        <translation>PNG or JPEG, at most 2 MB</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>Choose the logo file</source>
        <translation>Choose the logo file</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Remove the logo</translation>
    </message>
    <message>
        <source>&amp;Accent colour:</source>
        <translation>&amp;Accent colour:</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Accent colour</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Choose the accent colour</source>
        <translation>Choose the accent colour</translation>
    </message>
    <message>
        <source>Apply the settings and close</source>
        <translation>Apply the settings and close</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Close without changing anything</translation>
    </message>
    <message>
        <source>Roster database (*.sqlite3 *.db);;All files (*)</source>
        <translation>Roster database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>The password is kept in this computer's keyring, never in a file.</source>
        <translation>The password is kept in this computer's keyring, never in a file.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep a password: leave it empty if the server lets this computer in without one.</source>
        <translation>This computer has no keyring to keep a password: leave it empty if the server lets this computer in without one.</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Search the roster</source>
        <translation>Search the roster</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected client / answer and go on</source>
        <translation>Open the selected client / answer and go on</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected client (with undo)</source>
        <translation>Delete the selected client (with undo)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Undo the last delete</source>
        <translation>Undo the last delete</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Interview: previous question</source>
        <translation>Interview: previous question</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Interview: don't know</source>
        <translation>Interview: don't know</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Interview: skip the question</source>
        <translation>Interview: skip the question</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Interview: stop (it can be resumed)</source>
        <translation>Interview: stop (it can be resumed)</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Results: next grouping</source>
        <translation>Results: next grouping</translation>
    </message>
    <message>
        <source>Alt+1…Alt+4</source>
        <translation>Alt+1…Alt+4</translation>
    </message>
    <message>
        <source>Results: show or hide a verdict</source>
        <translation>Results: show or hide a verdict</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>History: compare two visits</source>
        <translation>History: compare two visits</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>History: mark the follow-up done</source>
        <translation>History: mark the follow-up done</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>TagsEditor</name>
    <message>
        <source>Filter the list</source>
        <translation>Filter the list</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>None of these</translation>
    </message>
    <message>
        <source>Untick every tag shown: the company does none of them</source>
        <translation>Untick every tag shown: the company does none of them</translation>
    </message>
    <message>
        <source>Don't know</source>
        <translation>Don't know</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>{count} ticked</source>
        <translation>{count} ticked</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Character {position}, '{char}', is not used in credit codes (no I, O, S, V, Z): did you mean {suggestion}?</source>
        <translation>Character {position}, '{char}', is not used in credit codes (no I, O, S, V, Z): did you mean {suggestion}?</translation>
    </message>
    <message>
        <source>Character {position}, '{char}', is not allowed: a credit code has only digits and capital letters.</source>
        <translation>Character {position}, '{char}', is not allowed: a credit code has only digits and capital letters.</translation>
    </message>
    <message>
        <source>It has {count} characters; a credit code has 18.</source>
        <translation>It has {count} characters; a credit code has 18.</translation>
    </message>
    <message>
        <source>Character {position}, '{char}', should be a digit: the first 8 characters of this credit code are digits.</source>
        <translation>Character {position}, '{char}', should be a digit: the first 8 characters of this credit code are digits.</translation>
    </message>
    <message>
        <source>The last character should be {expected}: check the code for a typo.</source>
        <translation>The last character should be {expected}: check the code for a typo.</translation>
    </message>
    <message>
        <source>This is not a valid credit code: check it against the business licence.</source>
        <translation>This is not a valid credit code: check it against the business licence.</translation>
    </message>
    <message>
        <source>'{text}' is not a number: type digits only, e.g. 25.</source>
        <translation>'{text}' is not a number: type digits only, e.g. 25.</translation>
    </message>
    <message>
        <source>'{text}' is not a number: type digits only, e.g. 1200 or 35.5.</source>
        <translation>'{text}' is not a number: type digits only, e.g. 1200 or 35.5.</translation>
    </message>
    <message>
        <source>'{text}' is too large.</source>
        <translation>'{text}' is too large.</translation>
    </message>
    <message>
        <source>It cannot be below zero.</source>
        <translation>It cannot be below zero.</translation>
    </message>
    <message>
        <source>It must be more than zero.</source>
        <translation>It must be more than zero.</translation>
    </message>
    <message>
        <source>It cannot be more than {maximum}.</source>
        <translation>It cannot be more than {maximum}.</translation>
    </message>
    <message>
        <source>Type a whole number, e.g. 25.</source>
        <translation>Type a whole number, e.g. 25.</translation>
    </message>
    <message>
        <source>'{text}' is not a year: type four digits, e.g. 2021.</source>
        <translation>'{text}' is not a year: type four digits, e.g. 2021.</translation>
    </message>
    <message>
        <source>{year} is outside {low}–{high}: check the year for a typo.</source>
        <translation>{year} is outside {low}–{high}: check the year for a typo.</translation>
    </message>
    <message>
        <source>'{text}' is not a date: type it as YYYY-MM-DD, e.g. 2019-03-05.</source>
        <translation>'{text}' is not a date: type it as YYYY-MM-DD, e.g. 2019-03-05.</translation>
    </message>
    <message>
        <source>There is no such day as {text}: check the month and the day.</source>
        <translation>There is no such day as {text}: check the month and the day.</translation>
    </message>
    <message>
        <source>{day} is in the future: a registration date cannot be after {latest}.</source>
        <translation>{day} is in the future: a registration date cannot be after {latest}.</translation>
    </message>
    <message>
        <source>{day} is too early for a registration date: check the year.</source>
        <translation>{day} is too early for a registration date: check the year.</translation>
    </message>
    <message>
        <source>Enter the company's name: it is required.</source>
        <translation>Enter the company's name: it is required.</translation>
    </message>
    <message>
        <source>The name has {count} characters; at most {limit} are allowed.</source>
        <translation>The name has {count} characters; at most {limit} are allowed.</translation>
    </message>
</context>
<context>
    <name>YearEditor</name>
    <message>
        <source>Year, e.g. 2021</source>
        <translation>Year, e.g. 2021</translation>
    </message>
    <message>
        <source>Not yet profitable</source>
        <translation>Not yet profitable</translation>
    </message>
</context>
<context>
    <name>_TypedEditor</name>
    <message>
        <source>Don't know</source>
        <translation>Don't know</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Something unexpected went wrong. The details are in the log file.</source>
        <translation>Something unexpected went wrong. The details are in the log file.</translation>
    </message>
</context>
</TS>
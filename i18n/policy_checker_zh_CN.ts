<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnswerChangesModel</name>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The client database could not be opened</source>
        <translation>无法打开客户数据库</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing you saved is lost. The details are in the log file: {path}</source>
        <translation>发生了意外错误；已保存的内容不会丢失。详细信息见日志文件：{path}</translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <source>Saved on</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>评估基准日</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>规则包</translation>
    </message>
    <message>
        <source>{verdict}: {count} measures</source>
        <translation>{verdict}：{count} 条措施</translation>
    </message>
    <message>
        <source>Rule pack {id}, version {version}, content hash {sha256}</source>
        <translation>规则包 {id}，版本 {version}，内容校验值 {sha256}</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Eligible</source>
        <translation>可适用</translation>
    </message>
    <message>
        <source>Needs information</source>
        <translation>需补充信息</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Government task</source>
        <translation>政府工作任务</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>已施行</translation>
    </message>
    <message>
        <source>Awaiting national approval</source>
        <translation>待国家批准</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>试点</translation>
    </message>
    <message>
        <source>Targets dated end 2023</source>
        <translation>目标期限为2023年底</translation>
    </message>
    <message>
        <source>Before the notice was issued</source>
        <translation>早于文件印发日期</translation>
    </message>
</context>
<context>
    <name>BoolEditor</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>Keys: Y yes, N no, D don&apos;t know</source>
        <translation>快捷键：Y 是，N 否，D 不清楚</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Measures gained</source>
        <translation>新增适用措施</translation>
    </message>
    <message>
        <source>Measures lost</source>
        <translation>不再适用措施</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Interview</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>History and notes</source>
        <translation>历史记录和备注</translation>
    </message>
    <message>
        <source>← Roster</source>
        <translation>← 客户名册</translation>
    </message>
    <message>
        <source>Back to the client roster</source>
        <translation>返回客户名册</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save client</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <source>New walk-in (not saved)</source>
        <translation>新来访（未保存）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare visits</source>
        <translation>比较来访记录</translation>
    </message>
    <message>
        <source>Visit of {later} (as of {later_as_of}) compared with {earlier} (as of {earlier_as_of})</source>
        <translation>{later} 的来访（评估基准日 {later_as_of}）与 {earlier} 的来访（评估基准日 {earlier_as_of}）对比</translation>
    </message>
    <message>
        <source>No verdict and no answer changed.</source>
        <translation>结论和回答均无变化。</translation>
    </message>
    <message>
        <source>{gained} measures gained, {lost} lost, {other} other verdict changes, {answers} answers changed.</source>
        <translation>新增可适用措施 {gained} 条，不再可适用 {lost} 条，其他结论变化 {other} 项，回答变化 {answers} 项。</translation>
    </message>
    <message>
        <source>Verdicts that changed</source>
        <translation>结论有变化的措施</translation>
    </message>
    <message>
        <source>Answers that changed</source>
        <translation>有变化的回答</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Earlier visit</source>
        <translation>前一次来访</translation>
    </message>
    <message>
        <source>Later visit</source>
        <translation>后一次来访</translation>
    </message>
    <message>
        <source>Gained: now eligible ({count})</source>
        <translation>新增：现在可适用（{count}）</translation>
    </message>
    <message>
        <source>Lost: no longer eligible ({count})</source>
        <translation>减少：不再可适用（{count}）</translation>
    </message>
    <message>
        <source>Other verdict changes ({count})</source>
        <translation>其他结论变化（{count}）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not in the rules then</source>
        <translation>当时的规则中无此措施</translation>
    </message>
    <message>
        <source>not in the rules now</source>
        <translation>现行规则中无此措施</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>at least</source>
        <translation>不小于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>不大于</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>大于</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>“是”或“否”</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>{value} is out of range: it must be {bound} {limit}.</source>
        <translation>{value} 超出范围：应{bound} {limit}。</translation>
    </message>
    <message>
        <source>Expected {kind}, got {value}.</source>
        <translation>应为{kind}，实际为 {value}。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the allowed answers.</source>
        <translation>“{value}”不是可选的回答。</translation>
    </message>
    <message>
        <source>The last character should be {char}: check the code for a typo.</source>
        <translation>最后一位应为 {char}：请检查代码是否有误。</translation>
    </message>
    <message>
        <source>A credit code has 18 characters; this one has {count}.</source>
        <translation>统一社会信用代码应为 18 位，此处为 {count} 位。</translation>
    </message>
    <message>
        <source>A credit code uses only digits and capital letters other than I, O, S, V and Z.</source>
        <translation>统一社会信用代码只能由数字和除 I、O、S、V、Z 以外的大写字母组成。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2019-06-18.</source>
        <translation>请按 YYYY-MM-DD 填写日期，如 2019-06-18。</translation>
    </message>
    <message>
        <source>{value} is not a real date.</source>
        <translation>{value} 不是有效日期。</translation>
    </message>
    <message>
        <source>“{value}” is listed twice.</source>
        <translation>“{value}”重复填写。</translation>
    </message>
    <message>
        <source>This is not a question of the profile: check the column&apos;s name.</source>
        <translation>这不是企业信息中的问题：请检查列名。</translation>
    </message>
    <message>
        <source>This answer is required.</source>
        <translation>此项必须填写。</translation>
    </message>
    <message>
        <source>An empty answer is not allowed here; leave it out if unknown.</source>
        <translation>此处不能为空值；不清楚请不填。</translation>
    </message>
    <message>
        <source>“{value}” is not a GB/T 4754-2017 industry code (a letter A–T and 0, 2, 3 or 4 digits, e.g. C3976).</source>
        <translation>“{value}”不是 GB/T 4754-2017 行业代码（一个字母 A–T 加 0、2、3 或 4 位数字，如 C3976）。</translation>
    </message>
    <message>
        <source>“{value}” lacks its section letter: write it as in GB/T 4754-2017, e.g. C3976.</source>
        <translation>“{value}”缺少门类字母：请按 GB/T 4754-2017 填写，如 C3976。</translation>
    </message>
    <message>
        <source>“{value}” is not in the GB/T 4754-2017 classification.</source>
        <translation>“{value}”不在 GB/T 4754-2017 分类中。</translation>
    </message>
    <message>
        <source>The same company as {row} of this file.</source>
        <translation>与本文件{row}是同一家企业。</translation>
    </message>
    <message>
        <source>Already in the roster as client #{id} {name}.</source>
        <translation>客户名册中已有：#{id} {name}。</translation>
    </message>
    <message>
        <source> Tick “update clients already in the roster” to save the file&apos;s answers.</source>
        <translation>勾选“更新名册中已有的客户”可用文件中的回答更新。</translation>
    </message>
    <message>
        <source>{count} cells beyond the last column.</source>
        <translation>有 {count} 个单元格超出最后一列。</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <source>“{key}” is given twice; keep one of the two.</source>
        <translation>“{key}”出现了两次，请只保留其中一个。</translation>
    </message>
    <message>
        <source>This answer is given twice; keep one of the two.</source>
        <translation>这一项填写了两次，请只保留其中一个。</translation>
    </message>
    <message>
        <source>The text is damaged: it holds {code}, half of a character that cannot be stored.</source>
        <translation>文本已损坏：其中含有 {code}，这是无法保存的半个字符。</translation>
    </message>
    <message>
        <source>Lists or objects are nested deeper than any profile&apos;s answers.</source>
        <translation>嵌套层数超过了任何企业信息所需的层数。</translation>
    </message>
    <message>
        <source>A whole number of {digits} digits is longer than any answer.</source>
        <translation>一个 {digits} 位的整数，比任何答案都长。</translation>
    </message>
    <message>
        <source>The text holds a NUL character (\x00), which no database can store: retype it.</source>
        <translation>文本中含有空字符（\x00），数据库无法保存：请重新输入。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text: save it as UTF-8 (in Excel: “CSV UTF-8”).</source>
        <translation>该文件既不是 UTF-8 也不是 GB18030 文本：请另存为 UTF-8（在 Excel 中选“CSV UTF-8”）。</translation>
    </message>
    <message>
        <source>This is {what}, not a file.</source>
        <translation>这是{what}，不是文件。</translation>
    </message>
    <message>
        <source>The file is larger than {size}.</source>
        <translation>文件大于 {size}。</translation>
    </message>
    <message>
        <source>A cell is longer than {limit} characters; this row and the rows after it were not read.</source>
        <translation>有单元格超过 {limit} 个字符；本行及其后各行均未读取。</translation>
    </message>
    <message>
        <source>The database refused this row: {why}</source>
        <translation>数据库拒绝了这一行：{why}</translation>
    </message>
    <message>
        <source>{where} is not a roster database, or its beginning is damaged.</source>
        <translation>{where} 不是客户名册数据库，或其文件头已损坏。</translation>
    </message>
    <message>
        <source>{where} is damaged: restore a backup (policy-check db restore).</source>
        <translation>{where} 已损坏：请恢复备份（policy-check db restore）。</translation>
    </message>
    <message>
        <source>{where} cannot be opened: the file or its folder cannot be read or written.</source>
        <translation>无法打开 {where}：该文件或其所在文件夹无法读写。</translation>
    </message>
    <message>
        <source>{where} is read-only (the file or its folder): nothing was saved.</source>
        <translation>{where} 为只读（文件或其所在文件夹）：未保存任何内容。</translation>
    </message>
    <message>
        <source>{where}: permission denied: nothing was saved.</source>
        <translation>{where}：没有权限：未保存任何内容。</translation>
    </message>
    <message>
        <source>{where}: the server&apos;s disk is full: nothing was saved.</source>
        <translation>{where}：服务器磁盘已满：未保存任何内容。</translation>
    </message>
    <message>
        <source>{where}: the disk is full: nothing was saved.</source>
        <translation>{where}：磁盘已满：未保存任何内容。</translation>
    </message>
    <message>
        <source>{where}: the disk failed to read or write (is it full?).</source>
        <translation>{where}：磁盘读写失败（是否已满？）。</translation>
    </message>
    <message>
        <source>{where} is busy: another program has kept it locked too long. Try again.</source>
        <translation>{where} 正忙：另一个程序锁定它的时间过长。请重试。</translation>
    </message>
    <message>
        <source>Another desk saved the same company at the same moment; nothing was saved.</source>
        <translation>另一个窗口同时保存了同一家企业；未保存任何内容。</translation>
    </message>
    <message>
        <source>Client #{id} does not exist (deleted at another desk?).</source>
        <translation>客户 #{id} 不存在（已在其他窗口删除？）。</translation>
    </message>
    <message>
        <source>{user} changed this client at {when}; nothing was saved: reopen it and apply your changes again.</source>
        <translation>{user} 于 {when} 修改了该客户；未保存任何内容：请重新打开并再次修改。</translation>
    </message>
    <message>
        <source>Someone else changed this client while you were saving it; nothing was saved: reopen it and apply your changes again.</source>
        <translation>在您保存时，其他人修改了该客户；未保存任何内容：请重新打开并再次修改。</translation>
    </message>
    <message>
        <source>{where} cannot be opened: {why}</source>
        <translation>无法打开 {where}：{why}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>it is not a backup of this app</source>
        <translation>它不是本软件的备份</translation>
    </message>
    <message>
        <source>the backup is incomplete (cut short?)</source>
        <translation>备份不完整（被截断？）</translation>
    </message>
    <message>
        <source>its checksum is missing (cut short?)</source>
        <translation>缺少校验和（被截断？）</translation>
    </message>
    <message>
        <source>its checksum does not match: the file was altered or damaged</source>
        <translation>校验和不符：文件已被改动或损坏</translation>
    </message>
    <message>
        <source>the file changed while it was being restored</source>
        <translation>恢复过程中文件发生了变化</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>文件已损坏或被截断</translation>
    </message>
    <message>
        <source>line {number} of the file is damaged</source>
        <translation>文件第 {number} 行已损坏</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {why}. Nothing was restored.</source>
        <translation>无法恢复 {path}：{why}。未恢复任何数据。</translation>
    </message>
    <message>
        <source>The database is empty: there is nothing to back up.</source>
        <translation>数据库为空：没有可备份的内容。</translation>
    </message>
    <message>
        <source>{path} cannot be written: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of the app: update the app.</source>
        <translation>该备份由更新版本的软件生成：请更新软件。</translation>
    </message>
    <message>
        <source>The database already holds {rows} records: restore into an empty database, or replace its contents.</source>
        <translation>数据库中已有 {rows} 条记录：请恢复到空数据库，或替换其内容。</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
</context>
<context>
    <name>CreditCodeEditor</name>
    <message>
        <source>18 characters; empty if unknown</source>
        <translation>18 位；不清楚可留空</translation>
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
        <translation>日历…</translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
</context>
<context>
    <name>DetailController</name>
    <message>
        <source>Unknown: depends on {questions}</source>
        <translation>未知：取决于{questions}</translation>
    </message>
    <message>
        <source>Unknown: not yet answered</source>
        <translation>未知：尚未回答</translation>
    </message>
    <message>
        <source>{value} (required {symbol} {threshold})</source>
        <translation>{value}（要求 {symbol} {threshold}）</translation>
    </message>
    <message>
        <source>Inferred: {value} ({basis})</source>
        <translation>推断：{value}（{basis}）</translation>
    </message>
    <message>
        <source>Derived: {what}: {value} ({basis}; from: {inputs})</source>
        <translation>推算：{what}：{value}（{basis}；依据：{inputs}）</translation>
    </message>
    <message>
        <source>Derived: {what}: {value} (from: {inputs})</source>
        <translation>推算：{what}：{value}（依据：{inputs}）</translation>
    </message>
    <message>
        <source>Answered: {value} ({basis})</source>
        <translation>已回答：{value}（{basis}）</translation>
    </message>
    <message>
        <source>Answered: {value}</source>
        <translation>已回答：{value}</translation>
    </message>
    <message>
        <source>{text} (unverified; {reference})</source>
        <translation>{text}（未核实；{reference}）</translation>
    </message>
    <message>
        <source>{text} ({reference})</source>
        <translation>{text}（{reference}）</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>The notice&apos;s words</source>
        <translation>文件原文</translation>
    </message>
    <message>
        <source>What this measure is</source>
        <translation>措施内容</translation>
    </message>
    <message>
        <source>What the company gains</source>
        <translation>企业可获得</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <source>Documents to prepare</source>
        <translation>需准备的材料</translation>
    </message>
    <message>
        <source>What would make it apply</source>
        <translation>怎样才能适用</translation>
    </message>
    <message>
        <source>Questions still open</source>
        <translation>待回答的问题</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>前提条件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pick a measure in the results to see whether and why it applies.</source>
        <translation>在结果列表中选择一条措施，查看是否适用及原因。</translation>
    </message>
    <message>
        <source>Text of the measure, cited words highlighted</source>
        <translation>措施原文（引用部分已高亮）</translation>
    </message>
    <message>
        <source>Documents to prepare: tick when received</source>
        <translation>需准备的材料：收到后勾选</translation>
    </message>
    <message>
        <source>Measure {number}: {title}</source>
        <translation>第{number}条：{title}</translation>
    </message>
    <message>
        <source>Chapter: {chapter} · Standing: {status}</source>
        <translation>章节：{chapter} · 状态：{status}</translation>
    </message>
    <message>
        <source>Verdict: {verdict}</source>
        <translation>结论：{verdict}</translation>
    </message>
    <message>
        <source>No single change the company can make would make it apply.</source>
        <translation>企业无法仅通过一项改变使此措施适用。</translation>
    </message>
    <message>
        <source>Option: {title}</source>
        <translation>情形：{title}</translation>
    </message>
    <message>
        <source>{option} (the verdict comes from this one)</source>
        <translation>{option}（结论依据此情形）</translation>
    </message>
    <message>
        <source>{result}: {criterion}. {reading}</source>
        <translation>{result}：{criterion}。{reading}</translation>
    </message>
    <message>
        <source>{result}: {prerequisite}. {how}</source>
        <translation>{result}：{prerequisite}。{how}</translation>
    </message>
    <message>
        <source>Save the client to keep this checklist.</source>
        <translation>保存客户后才能保留此清单。</translation>
    </message>
    <message>
        <source>Reading the checklist…</source>
        <translation>正在读取清单…</translation>
    </message>
    <message>
        <source>The checklist could not be read. Try again later.</source>
        <translation>无法读取清单，请稍后重试。</translation>
    </message>
    <message>
        <source>Tick a document when the client has brought it.</source>
        <translation>客户提交材料后，请勾选相应项目。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The tick could not be saved. Check the database and try again.</source>
        <translation>勾选未能保存。请检查数据库后重试。</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>{name} · credit code {code} · client no. {id}</source>
        <translation>{name} · 信用代码 {code} · 客户编号 {id}</translation>
    </message>
    <message>
        <source>{name} · no credit code · client no. {id}</source>
        <translation>{name} · 无信用代码 · 客户编号 {id}</translation>
    </message>
</context>
<context>
    <name>EnumEditor</name>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The report settings are not valid: {problems}. Correct them in the settings.</source>
        <translation>报告设置无效：{problems}。请在设置中更正。</translation>
    </message>
    <message>
        <source>This file cannot be imported: {problems}</source>
        <translation>无法导入此文件：{problems}</translation>
    </message>
    <message>
        <source>The database refused: {reason}</source>
        <translation>数据库拒绝了操作：{reason}</translation>
    </message>
    <message>
        <source>Something went wrong. The details are in the log file.</source>
        <translation>出现错误，详细信息见日志文件。</translation>
    </message>
    <message>
        <source>{name} cannot be written: permission denied. Choose another folder.</source>
        <translation>无法写入 {name}：没有权限。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>{name} cannot be written: the folder {folder} does not exist.</source>
        <translation>无法写入 {name}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}.</source>
        <translation>无法写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}.</source>
        <translation>无法写入文件：{reason}。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Save the PDF report</source>
        <translation>保存 PDF 报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the Excel workbook</source>
        <translation>保存 Excel 工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the one-page handout</source>
        <translation>保存一页告知单</translation>
    </message>
    <message>
        <source>Give the company&apos;s name before exporting</source>
        <translation>导出前请填写企业名称</translation>
    </message>
    <message>
        <source>This name cannot be used: {problems}</source>
        <translation>不能使用此名称：{problems}</translation>
    </message>
    <message>
        <source>Writing the PDF report…</source>
        <translation>正在生成 PDF 报告…</translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation>正在生成 Excel 工作簿…</translation>
    </message>
    <message>
        <source>Preparing the handout…</source>
        <translation>正在准备一页告知单…</translation>
    </message>
    <message>
        <source>The file was saved as {path}, but no program could open it.</source>
        <translation>文件已保存为 {path}，但没有程序能打开它。</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Done {when}</source>
        <translation>已于 {when} 完成</translation>
    </message>
</context>
<context>
    <name>FrozenAssessmentDialog</name>
    <message>
        <source>Saved assessment of {name}</source>
        <translation>{name}的已保存评估</translation>
    </message>
    <message>
        <source>{verdict}: {count}</source>
        <translation>{verdict}：{count}</translation>
    </message>
    <message>
        <source>Questions not listed under the profile were not answered (unknown).</source>
        <translation>企业信息中未列出的问题当时均未回答（未知）。</translation>
    </message>
    <message>
        <source>Texts from the rules are shown in the language they were saved in.</source>
        <translation>规则中的文字按保存时的语言显示。</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Profile as it was</source>
        <translation>当时的企业信息</translation>
    </message>
    <message>
        <source>Measures as saved</source>
        <translation>保存时的措施结论</translation>
    </message>
    <message>
        <source>The selected measure, as saved</source>
        <translation>所选措施（保存时）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FrozenResultsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Reading the client as now saved</source>
        <translation>读取客户当前保存的信息</translation>
    </message>
    <message>
        <source>Save refused</source>
        <translation>保存被拒绝</translation>
    </message>
    <message>
        <source>Same rules: {pack}</source>
        <translation>规则相同：{pack}</translation>
    </message>
    <message>
        <source>The rule pack changed: {before} → {after}</source>
        <translation>规则包已变更：{before} → {after}</translation>
    </message>
    <message>
        <source>The rule pack changed: v{before} → v{after}</source>
        <translation>规则包已变更：v{before} → v{after}</translation>
    </message>
    <message>
        <source>The rule pack&apos;s content changed under the same version {version}: {before} → {after}</source>
        <translation>规则包版本仍为 {version}，但内容已变更：{before} → {after}</translation>
    </message>
    <message>
        <source>Write something first: an empty note is not saved.</source>
        <translation>请先输入内容：空备注不会保存。</translation>
    </message>
    <message>
        <source>Write what is to be done first: an empty follow-up is not saved.</source>
        <translation>请先写明要办理的事项：空跟进事项不会保存。</translation>
    </message>
    <message>
        <source>Choose the date the follow-up is due.</source>
        <translation>请选择跟进事项的到期日。</translation>
    </message>
    <message>
        <source>The due date {due} is already past; choose {today} or a later date.</source>
        <translation>到期日 {due} 已过，请选择 {today} 或之后的日期。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>the client or record no longer exists (deleted at another desk?)</source>
        <translation>该客户或记录已不存在（可能已在其他工位被删除？）</translation>
    </message>
    <message>
        <source>an unexpected error; the details are in the log</source>
        <translation>发生意外错误，详细信息见日志</translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation>{action}失败：{reason}</translation>
    </message>
    <message>
        <source>Loading the visits</source>
        <translation>加载来访记录</translation>
    </message>
    <message>
        <source>Loading the notes</source>
        <translation>加载备注</translation>
    </message>
    <message>
        <source>Opening the visit</source>
        <translation>打开来访记录</translation>
    </message>
    <message>
        <source>Compare needs two visits; this client has {count}.</source>
        <translation>比较需要两次来访记录，该客户只有 {count} 次。</translation>
    </message>
    <message>
        <source>This is the first visit: there is none before it to compare with.</source>
        <translation>这是第一次来访，之前没有可比较的记录。</translation>
    </message>
    <message>
        <source>Comparing the visits</source>
        <translation>比较来访记录</translation>
    </message>
    <message>
        <source>Marking the follow-up done</source>
        <translation>将跟进事项标记为已完成</translation>
    </message>
    <message>
        <source>Save the client first: notes are kept with a saved client.</source>
        <translation>请先保存客户：备注需随已保存的客户保留。</translation>
    </message>
    <message>
        <source>Saving the note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Saved on {saved} by {by}, as of {as_of}, with rule pack {pack} version {version} ({sha256}); shown exactly as it was, not recomputed.</source>
        <translation>由 {by} 于 {saved} 保存，评估基准日 {as_of}，规则包 {pack} 版本 {version}（{sha256}）；按原样显示，未重新计算。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Answer read</source>
        <translation>企业情况</translation>
    </message>
    <message>
        <source>The notice says</source>
        <translation>文件原文</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>What it brings</source>
        <translation>可获得</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Where to apply</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>需准备的材料</translation>
    </message>
    <message>
        <source>Answers that could change this verdict</source>
        <translation>可能改变此结论的回答</translation>
    </message>
    <message>
        <source>What would make it apply</source>
        <translation>怎样才能适用</translation>
    </message>
    <message>
        <source>Caveats</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Save the client to keep a history of its visits.</source>
        <translation>保存客户后才能保留其来访历史记录。</translation>
    </message>
    <message>
        <source>Visits (saved assessments)</source>
        <translation>来访记录（已保存的评估）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Saved assessments of this client</source>
        <translation>该客户已保存的评估</translation>
    </message>
    <message>
        <source>Open the selected visit as it was saved</source>
        <translation>按保存时的原样打开所选来访记录</translation>
    </message>
    <message>
        <source>Compare the selected visits, or the latest with the one before</source>
        <translation>比较所选来访记录，或比较最近一次与上一次</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>{name}的历史记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No assessment saved yet.</source>
        <translation>尚未保存任何评估。</translation>
    </message>
    <message>
        <source>Two visits selected: Compare shows what changed.</source>
        <translation>已选择两次来访记录：点击“比较”查看变化。</translation>
    </message>
    <message>
        <source>{count} visits. Select two to compare them.</source>
        <translation>共 {count} 次来访。选择其中两次即可比较。</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {refused} refused</source>
        <translation>新增 {added} 个，更新 {updated} 个，未变 {unchanged} 个，拒绝 {refused} 个</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Import clients from an Excel (.xlsx), CSV or JSON file: one client a row, the first row naming the columns (企业名称, 统一社会信用代码, …). Rows that cannot be read are listed below with the reason; the others are imported.</source>
        <translation>从 Excel（.xlsx）、CSV 或 JSON 文件导入客户：每行一个客户，第一行为列名（企业名称、统一社会信用代码等）。无法读取的行会在下方列出并注明原因，其余行照常导入。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Choose a file of clients</source>
        <translation>选择客户文件</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>&amp;Update clients already in the roster</source>
        <translation>更新名册中已有的客户(&amp;U)</translation>
    </message>
    <message>
        <source>Update clients already in the roster</source>
        <translation>更新名册中已有的客户</translation>
    </message>
    <message>
        <source>A row for a company already in the roster saves its answers over the stored ones; without this, such rows are refused.</source>
        <translation>若某行的企业已在名册中，将用该行的回答覆盖已存的回答；不勾选此项时，此类行将被拒绝。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import the file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>&amp;Refused rows:</source>
        <translation>被拒绝的行(&amp;R)：</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Cop&amp;y list</source>
        <translation>复制列表(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the refused rows</source>
        <translation>复制被拒绝的行</translation>
    </message>
    <message>
        <source>&amp;Save list…</source>
        <translation>保存列表(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the refused rows as a CSV file</source>
        <translation>将被拒绝的行保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Client files (*.xlsx *.csv *.json *.jsonl);;All files (*)</source>
        <translation>客户文件 (*.xlsx *.csv *.json *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Save the refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>refused-rows.csv</source>
        <translation>被拒绝的行.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The list could not be saved: {reason}.</source>
        <translation>无法保存列表：{reason}。</translation>
    </message>
</context>
<context>
    <name>IndustryEditor</name>
    <message>
        <source>Search by code or words, e.g. C39, 3976, supermarket, 超市</source>
        <translation>按代码或关键词搜索，如 C39、3976、超市、supermarket</translation>
    </message>
    <message>
        <source>Search the industry classification</source>
        <translation>搜索行业分类</translation>
    </message>
    <message>
        <source>Industries found</source>
        <translation>搜索到的行业</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>Don&apos;t know the industry</source>
        <translation>不清楚所属行业</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 项</translation>
    </message>
    <message>
        <source>Not chosen yet: search below</source>
        <translation>尚未选择：请在下方搜索</translation>
    </message>
</context>
<context>
    <name>InterviewController</name>
    <message>
        <source>Which of these certificates or recognitions does the company hold? Answer each one; leave one blank if you don&apos;t know.</source>
        <translation>企业持有以下哪些证书或认定？请逐项回答；不清楚的一项可以留空。</translation>
    </message>
    <message>
        <source>New client · {open} measures still open</source>
        <translation>新客户 · {open} 条措施待定</translation>
    </message>
    <message>
        <source>{asked} questions answered · {open} measures still open · {eligible} eligible</source>
        <translation>已回答 {asked} 题 · {open} 条措施待定 · {eligible} 条可适用</translation>
    </message>
    <message>
        <source>Question {number} · {open} measures still open · {eligible} eligible so far</source>
        <translation>第 {number} 题 · {open} 条措施待定 · 目前 {eligible} 条可适用</translation>
    </message>
    <message>
        <source>Answering this can settle 1 measure</source>
        <translation>回答此题可确定 1 条措施</translation>
    </message>
    <message>
        <source>Answering this can settle {count} measures</source>
        <translation>回答此题可确定 {count} 条措施</translation>
    </message>
    <message>
        <source>Answering this can change 1 open measure</source>
        <translation>回答此题可能影响 1 条待定措施</translation>
    </message>
    <message>
        <source>Answering this can change {count} open measures</source>
        <translation>回答此题可能影响 {count} 条待定措施</translation>
    </message>
    <message>
        <source>You answered this before; a new answer replaces it</source>
        <translation>此题之前已回答；新回答将替换原回答</translation>
    </message>
    <message>
        <source>It decides: {measures} and {count} more</source>
        <translation>可确定：{measures}及另外 {count} 条</translation>
    </message>
    <message>
        <source>It decides: {measures}</source>
        <translation>可确定：{measures}</translation>
    </message>
    <message>
        <source>Interview stopped: {eligible} eligible, {open} still need information.</source>
        <translation>问答已停止：{eligible} 条可适用，{open} 条仍需补充信息。</translation>
    </message>
    <message>
        <source>Interview complete: {eligible} eligible, {open} still need information.</source>
        <translation>问答已完成：{eligible} 条可适用，{open} 条仍需补充信息。</translation>
    </message>
    <message>
        <source>No. {number} {title}</source>
        <translation>第{number}条 {title}</translation>
    </message>
    <message>
        <source>Enter the company name: it is required.</source>
        <translation>请输入企业名称（必填）。</translation>
    </message>
    <message>
        <source>The roster could not be searched for this company; the interview goes on.</source>
        <translation>无法在客户名册中查找该企业；问答继续进行。</translation>
    </message>
    <message>
        <source>This answer cannot be taken: {problem}</source>
        <translation>无法采用此回答：{problem}</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <source>New client: which company is it?</source>
        <translation>新客户：是哪家企业？</translation>
    </message>
    <message>
        <source>Company &amp;name (required)</source>
        <translation>企业名称(&amp;N)（必填）</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social &amp;credit code (optional)</source>
        <translation>统一社会信用代码(&amp;C)（选填）</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Leave it empty if the visitor does not know it; it is asked again later.</source>
        <translation>来访者不清楚的可留空，稍后会再次询问。</translation>
    </message>
    <message>
        <source>This company may already be in the roster</source>
        <translation>该企业可能已在客户名册中</translation>
    </message>
    <message>
        <source>Open the existing client to continue its file, or go on if it is another one.</source>
        <translation>打开已有客户以继续其档案；如果是另一家企业，请继续。</translation>
    </message>
    <message>
        <source>Clients already in the roster</source>
        <translation>名册中已有的客户</translation>
    </message>
    <message>
        <source>&amp;Open the existing client</source>
        <translation>打开已有客户(&amp;O)</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <source>It is a &amp;different company, continue</source>
        <translation>是另一家企业，继续(&amp;D)</translation>
    </message>
    <message>
        <source>It is a different company, continue</source>
        <translation>是另一家企业，继续</translation>
    </message>
    <message>
        <source>Review the results on the right, save the client (Ctrl+S) or print the handout.</source>
        <translation>请查看右侧结果，保存客户（Ctrl+S）或打印一页告知单。</translation>
    </message>
    <message>
        <source>Continue the interview</source>
        <translation>继续问答</translation>
    </message>
    <message>
        <source>Back to the last question</source>
        <translation>返回上一题</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>Stop interview</source>
        <translation>停止问答</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action}（{keys}）</translation>
    </message>
    <message>
        <source>Keys: Enter next · Alt+Left back · Ctrl+J skip · Ctrl+K don&apos;t know · Esc stop</source>
        <translation>快捷键：Enter 下一题 · Alt+Left 上一题 · Ctrl+J 跳过 · Ctrl+K 不清楚 · Esc 停止</translation>
    </message>
    <message>
        <source>Give an answer, or press Don&apos;t know (Ctrl+K) or Skip (Ctrl+J).</source>
        <translation>请作答，或按“不清楚”（Ctrl+K）或“跳过”（Ctrl+J）。</translation>
    </message>
    <message>
        <source>Checking the roster…</source>
        <translation>正在查询客户名册…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>New walk-in</source>
        <translation>新来访</translation>
    </message>
    <message>
        <source>Client roster</source>
        <translation>客户名册</translation>
    </message>
    <message>
        <source>Save client</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <source>Import clients…</source>
        <translation>导入客户…</translation>
    </message>
    <message>
        <source>Re-assess all clients…</source>
        <translation>重新评估全部客户…</translation>
    </message>
    <message>
        <source>Export PDF report…</source>
        <translation>导出 PDF 报告…</translation>
    </message>
    <message>
        <source>Export Excel workbook…</source>
        <translation>导出 Excel 工作簿…</translation>
    </message>
    <message>
        <source>Print walk-in handout…</source>
        <translation>打印一页告知单…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>History and notes</source>
        <translation>历史记录和备注</translation>
    </message>
    <message>
        <source>Switch to English</source>
        <translation>切换为英文（English）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About Policy Checker</source>
        <translation>关于政策适用检查</translation>
    </message>
    <message>
        <source>Switch to Chinese</source>
        <translation>切换为中文</translation>
    </message>
    <message>
        <source>Some saved answers were left out</source>
        <translation>部分已保存的回答未采用</translation>
    </message>
    <message>
        <source>These saved answers are not valid any more and were left out until you answer them again:
{problems}</source>
        <translation>以下已保存的回答已不再有效，在重新回答之前暂不采用：
{problems}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Policy Checker</source>
        <translation>政策适用检查</translation>
    </message>
    <message>
        <source>The client could not be opened.</source>
        <translation>无法打开该客户。</translation>
    </message>
    <message>
        <source>Interview ended: {eligible} measures apply, {open} still need information.</source>
        <translation>问答结束：{eligible} 条措施可适用，{open} 条仍需补充信息。</translation>
    </message>
    <message>
        <source>The answers for {name} are not saved. Save them now?</source>
        <translation>{name}的回答尚未保存。是否立即保存？</translation>
    </message>
    <message>
        <source>this walk-in</source>
        <translation>本次来访企业</translation>
    </message>
    <message>
        <source>Policy Checker tells a company which measures of a policy apply to it, why, what is still unknown and what to do next.

Rule pack: {pack} {version} ({sha})
Policy: {policy}</source>
        <translation>政策适用检查告诉企业：某项政策中哪些措施适用于本企业、为什么适用、还有哪些情况未知，以及下一步该做什么。

规则包：{pack} {version}（{sha}）
依据文件：{policy}</translation>
    </message>
</context>
<context>
    <name>NameEditor</name>
    <message>
        <source>As on the business licence</source>
        <translation>与营业执照一致</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New note or follow-up</source>
        <translation>新增备注或跟进事项</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>添加跟进事项</translation>
    </message>
    <message>
        <source>What was discussed, or what is to be done</source>
        <translation>沟通的内容，或需要办理的事项</translation>
    </message>
    <message>
        <source>Mark the selected follow-up done</source>
        <translation>将所选跟进事项标记为已完成</translation>
    </message>
    <message>
        <source>Add the text as a note</source>
        <translation>将文字添加为备注</translation>
    </message>
    <message>
        <source>Add the text as a follow-up</source>
        <translation>将文字添加为跟进事项</translation>
    </message>
    <message>
        <source>Text of the new note or follow-up</source>
        <translation>新备注或跟进事项的内容</translation>
    </message>
    <message>
        <source>Date the follow-up is due</source>
        <translation>跟进事项的到期日</translation>
    </message>
    <message>
        <source>{overdue} overdue, {open} open in all</source>
        <translation>{overdue} 项已逾期，共 {open} 项未完成</translation>
    </message>
    <message>
        <source>{due} due today, {open} open in all</source>
        <translation>{due} 项今日到期，共 {open} 项未完成</translation>
    </message>
    <message>
        <source>{open} open, none overdue</source>
        <translation>{open} 项未完成，无逾期</translation>
    </message>
    <message>
        <source>Nothing to follow up</source>
        <translation>暂无跟进事项</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>0 to 100; empty if unknown</source>
        <translation>0 至 100；不清楚可留空</translation>
    </message>
    <message>
        <source>More than 0; empty if unknown</source>
        <translation>大于 0；不清楚可留空</translation>
    </message>
    <message>
        <source>Empty if unknown</source>
        <translation>不清楚可留空</translation>
    </message>
</context>
<context>
    <name>PacksController</name>
    <message>
        <source>The installed rule packs could not be read.</source>
        <translation>无法读取已安装的规则包。</translation>
    </message>
    <message>
        <source>Checking and installing {name}…</source>
        <translation>正在检查并安装 {name}…</translation>
    </message>
    <message>
        <source>{pack} {version} is already installed; nothing changed.</source>
        <translation>{pack} {version} 已经安装，未作任何更改。</translation>
    </message>
    <message>
        <source>{pack} {version} was installed. Choose &quot;Use this pack&quot; to assess with it.</source>
        <translation>已安装 {pack} {version}。选择“使用此规则包”即可用它进行评估。</translation>
    </message>
    <message>
        <source>The rule pack could not be installed.</source>
        <translation>无法安装该规则包。</translation>
    </message>
    <message>
        <source>{reason} Nothing was installed.</source>
        <translation>{reason}未安装任何内容。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>This file is not a rule pack file, or it is damaged.</source>
        <translation>该文件不是规则包文件，或已损坏。</translation>
    </message>
    <message>
        <source>The pack file holds a file outside its own folder, or a link; it was refused for safety.</source>
        <translation>规则包文件中含有指向其文件夹之外的文件或链接，为安全起见已拒绝。</translation>
    </message>
    <message>
        <source>The pack file is too large, or unpacks to far more data than it holds (a zip bomb); it was refused.</source>
        <translation>规则包文件过大，或解压后的数据远超其本身大小（压缩炸弹），已拒绝。</translation>
    </message>
    <message>
        <source>The pack file holds files that are no part of a rule pack.</source>
        <translation>规则包文件中含有不属于规则包的文件。</translation>
    </message>
    <message>
        <source>The pack file&apos;s manifest is missing or damaged.</source>
        <translation>规则包文件的清单缺失或已损坏。</translation>
    </message>
    <message>
        <source>This pack file was made for a newer version of Policy Checker. Update the app to install it.</source>
        <translation>该规则包文件是为更新版本的政策适用检查制作的。请先更新本软件再安装。</translation>
    </message>
    <message>
        <source>The pack&apos;s data would expand without limit (a YAML bomb); it was refused.</source>
        <translation>规则包的数据会无限展开（YAML 炸弹），已拒绝。</translation>
    </message>
    <message>
        <source>The pack&apos;s files were changed after it was made: its content hash does not match.</source>
        <translation>规则包制作完成后其文件被改动过：内容哈希值不符。</translation>
    </message>
    <message>
        <source>The pack&apos;s rules did not pass their checks ({detail}).</source>
        <translation>规则包的规则未通过检查（{detail}）。</translation>
    </message>
    <message>
        <source>This version of the pack is already installed with different content. A changed pack needs a new version number.</source>
        <translation>已安装的同一版本规则包内容不同。内容有改动的规则包须使用新的版本号。</translation>
    </message>
    <message>
        <source>The pack could not be saved in the folder of installed packs.</source>
        <translation>无法将规则包保存到已安装规则包的文件夹中。</translation>
    </message>
    <message>
        <source>Now assessing with {pack} {version}.</source>
        <translation>现在使用 {pack} {version} 进行评估。</translation>
    </message>
    <message>
        <source>The rule pack could not be put in use: the roster could not be opened with it. The pack in use is unchanged.</source>
        <translation>无法启用该规则包：无法用它打开客户名册。当前使用的规则包未变。</translation>
    </message>
    <message>
        <source>Counting the clients whose verdicts would change…</source>
        <translation>正在统计评估结论会变化的客户…</translation>
    </message>
    <message>
        <source>{changed} of {clients} clients would see a verdict change.</source>
        <translation>{clients} 个客户中有 {changed} 个的评估结论会发生变化。</translation>
    </message>
    <message>
        <source>The roster could not be read to count who changes.</source>
        <translation>无法读取客户名册，未能统计受影响的客户。</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>its status changed</source>
        <translation>状态有变</translation>
    </message>
    <message>
        <source>its kind changed</source>
        <translation>类型有变</translation>
    </message>
    <message>
        <source>its clause changed</source>
        <translation>条文有变</translation>
    </message>
    <message>
        <source>the criteria of {part} changed</source>
        <translation>{part} 的适用条件有变</translation>
    </message>
    <message>
        <source>part {part} added</source>
        <translation>新增条款 {part}</translation>
    </message>
    <message>
        <source>part {part} removed</source>
        <translation>删除条款 {part}</translation>
    </message>
    <message>
        <source>{pack} {version} is the first version of this pack here.</source>
        <translation>{pack} {version} 是本机安装的该规则包的第一个版本。</translation>
    </message>
    <message>
        <source>No measure differs between {old} {old_version} and {pack} {version}.</source>
        <translation>{old} {old_version} 与 {pack} {version} 之间没有措施不同。</translation>
    </message>
    <message>
        <source>{count} measures differ between {old} {old_version} and {pack} {version}:</source>
        <translation>{old} {old_version} 与 {pack} {version} 之间有 {count} 项措施不同：</translation>
    </message>
</context>
<context>
    <name>PacksModel</name>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>规则包</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source> (built in)</source>
        <translation>（内置）</translation>
    </message>
</context>
<context>
    <name>PacksPage</name>
    <message>
        <source>A rule pack holds the measures of a notice. When the province publishes a new or amended notice, install its pack file here and put it in use: every client is then assessed with it. Installing and choosing take effect at once.</source>
        <translation>规则包载有一份政策文件的各项措施。省里发布新的或修订的文件时，在此安装其规则包文件并启用：此后所有客户都按它评估。安装和选择即时生效。</translation>
    </message>
    <message>
        <source>Installed rule packs</source>
        <translation>已安装的规则包</translation>
    </message>
    <message>
        <source>&amp;Install from file…</source>
        <translation>从文件安装(&amp;I)…</translation>
    </message>
    <message>
        <source>Install a rule pack from a file</source>
        <translation>从文件安装规则包</translation>
    </message>
    <message>
        <source>&amp;Use this pack</source>
        <translation>使用此规则包(&amp;U)</translation>
    </message>
    <message>
        <source>Assess with the selected rule pack</source>
        <translation>使用所选规则包进行评估</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变化内容</translation>
    </message>
    <message>
        <source>Measures that changed</source>
        <translation>有变化的措施</translation>
    </message>
    <message>
        <source>Install a rule pack</source>
        <translation>安装规则包</translation>
    </message>
    <message>
        <source>Rule pack files (*.pcpack *.zip);;All files (*)</source>
        <translation>规则包文件 (*.pcpack *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Re-assess all clients…</source>
        <translation>重新评估全部客户(&amp;R)…</translation>
    </message>
    <message>
        <source>Use it and &amp;re-assess all clients…</source>
        <translation>启用并重新评估全部客户(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Industry and size</source>
        <translation>行业与规模</translation>
    </message>
    <message>
        <source>Status and certificates</source>
        <translation>资质与认定</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>经营活动</translation>
    </message>
    <message>
        <source>{basis}. Not answered yet: answer the question to override.</source>
        <translation>{basis}。尚未回答：回答此问题可覆盖该推断。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>New client, not saved yet</source>
        <translation>新客户，尚未保存</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <source>Enter the company&apos;s name: it is required.</source>
        <translation>请输入企业名称（必填）。</translation>
    </message>
    <message>
        <source>This answer cannot be taken: {reason}</source>
        <translation>无法采用此回答：{reason}</translation>
    </message>
    <message>
        <source>A save is already running.</source>
        <translation>正在保存，请稍候。</translation>
    </message>
    <message>
        <source>Enter the company&apos;s name before saving.</source>
        <translation>保存前请输入企业名称。</translation>
    </message>
    <message>
        <source>someone else saved this client after you opened it. Nothing was overwritten: reload it or compare the two versions.</source>
        <translation>在您打开后，其他人已保存了该客户。未覆盖任何内容：请重新加载，或比较两个版本。</translation>
    </message>
    <message>
        <source>something unexpected went wrong; the details are in the log file.</source>
        <translation>发生意外错误，详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>ProfileEditorView</name>
    <message>
        <source>Enter the company&apos;s name before saving.</source>
        <translation>保存前请输入企业名称。</translation>
    </message>
    <message>
        <source>The client was not saved.</source>
        <translation>客户未保存。</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Already in the roster</source>
        <translation>客户名册中已有</translation>
    </message>
    <message>
        <source>This company seems to be in the roster already.</source>
        <translation>该企业似乎已在客户名册中。</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <source>Save as a different company</source>
        <translation>作为另一家企业保存</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the client (Ctrl+S)</source>
        <translation>保存客户（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save the client</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <source>Show or hide help for this question</source>
        <translation>显示或隐藏此问题的说明</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>ProfileModel</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>ReassessController</name>
    <message>
        <source>The roster could not be re-assessed: the database did not answer. Clients re-assessed before the failure keep their new assessment.</source>
        <translation>无法重新评估客户名册：数据库没有响应。出错前已重新评估的客户保留其新的评估结果。</translation>
    </message>
    <message>
        <source>Every client in the roster is checked against the rule pack in use, {pack} {version}, as of {day}. A new assessment is saved only for the clients whose verdicts changed; the others keep theirs.</source>
        <translation>将按当前使用的规则包 {pack} {version}（评估日期 {day}）检查名册中的每个客户。只为评估结论有变化的客户保存新的评估结果，其他客户保留原结果。</translation>
    </message>
    <message>
        <source>{checked} clients checked: verdicts changed for {changed}, {first} assessed for the first time, {unchanged} unchanged.</source>
        <translation>已检查 {checked} 个客户：{changed} 个结论有变化，{first} 个首次评估，{unchanged} 个无变化。</translation>
    </message>
    <message>
        <source>{count} clients could not be assessed: their saved answers are no longer valid.</source>
        <translation>{count} 个客户无法评估：其保存的回答已不再有效。</translation>
    </message>
</context>
<context>
    <name>ReassessDialog</name>
    <message>
        <source>Re-assess all clients</source>
        <translation>重新评估全部客户</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start re-assessing every client</source>
        <translation>开始重新评估全部客户</translation>
    </message>
    <message>
        <source>Clients who &amp;gained or lost measures:</source>
        <translation>新增或不再适用措施的客户(&amp;G)：</translation>
    </message>
    <message>
        <source>Clients who gained or lost measures</source>
        <translation>新增或不再适用措施的客户</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Re-assessing…</source>
        <translation>正在重新评估…</translation>
    </message>
    <message>
        <source>{done} of {total} clients checked…</source>
        <translation>已检查 {done} / {total} 个客户…</translation>
    </message>
</context>
<context>
    <name>RefusedRowsModel</name>
    <message>
        <source>Line {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>Item {number}</source>
        <translation>第 {number} 项</translation>
    </message>
    <message>
        <source>Row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ResultsController</name>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}、{title}</translation>
    </message>
    <message>
        <source>Chapter {number}</source>
        <translation>第{number}章</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{title} ({shown} of {total})</source>
        <translation>{title}（{shown}/{total}）</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>&amp;Group by:</source>
        <translation>分组方式(&amp;G)：</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Chapter of the notice</source>
        <translation>文件章节</translation>
    </message>
    <message>
        <source>Number (no groups)</source>
        <translation>编号（不分组）</translation>
    </message>
    <message>
        <source>Group the measures by</source>
        <translation>措施分组方式</translation>
    </message>
    <message>
        <source>Filter by number or title (Ctrl+F)</source>
        <translation>按编号或标题筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter measures by number or title</source>
        <translation>按编号或标题筛选措施</translation>
    </message>
    <message>
        <source>Measures and verdicts</source>
        <translation>措施与结论</translation>
    </message>
    <message>
        <source>The notice set the end of 2023 for its targets. That date has passed: check the current practice with the office before relying on a measure.</source>
        <translation>该文件的目标期限为2023年底，现已过期：依据某项措施办理前，请先向办理部门核实现行做法。</translation>
    </message>
    <message>
        <source>No measure matches the filters.</source>
        <translation>没有符合筛选条件的措施。</translation>
    </message>
    <message>
        <source>The as-of date is before the notice was issued ({issued}): it was not yet in force then, so these verdicts are for reference only.</source>
        <translation>评估基准日早于本文件印发日期（{issued}）：当时本文件尚未施行，以下结论仅供参考。</translation>
    </message>
    <message>
        <source>{verdict}: {count}</source>
        <translation>{verdict}：{count}</translation>
    </message>
    <message>
        <source>Show {verdict} measures ({count})</source>
        <translation>显示结论为“{verdict}”的措施（{count} 条）</translation>
    </message>
    <message>
        <source>Show or hide these measures</source>
        <translation>显示或隐藏这些措施</translation>
    </message>
</context>
<context>
    <name>RosterController</name>
    <message>
        <source>The client list could not be read from the database.</source>
        <translation>无法从数据库读取客户名册。</translation>
    </message>
    <message>
        <source>{name} was changed at another desk, so it was not deleted. Look at it again and delete it if it should go.</source>
        <translation>{name}已在其他工位被修改，因此未删除。请重新查看，确需删除时再删除。</translation>
    </message>
    <message>
        <source>{name} could not be deleted: {reason}</source>
        <translation>无法删除{name}：{reason}</translation>
    </message>
    <message>
        <source>{name} could not be deleted: the database refused.</source>
        <translation>无法删除{name}：数据库拒绝了此操作。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>所在区域</translation>
    </message>
    <message>
        <source>Last assessed</source>
        <translation>最近评估</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>可适用</translation>
    </message>
    <message>
        <source>Needs info</source>
        <translation>需补充信息</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>到期跟进</translation>
    </message>
    <message>
        <source>Measures the latest assessment found eligible</source>
        <translation>最近一次评估中可适用的措施数</translation>
    </message>
    <message>
        <source>Measures that need more information to decide</source>
        <translation>需补充信息才能确定的措施数</translation>
    </message>
    <message>
        <source>Open follow-ups due on or before the assessment date</source>
        <translation>在评估基准日或之前到期的未完成跟进事项</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{date} (older rules)</source>
        <translation>{date}（旧版规则）</translation>
    </message>
    <message>
        <source>Credit code not given</source>
        <translation>未填写信用代码</translation>
    </message>
    <message>
        <source>Never assessed</source>
        <translation>从未评估</translation>
    </message>
    <message>
        <source>Assessed on {date}, as of {as_of}</source>
        <translation>{date} 评估，评估基准日 {as_of}</translation>
    </message>
    <message>
        <source>Made with an older version of the rules: assess again.</source>
        <translation>按旧版规则评估：请重新评估。</translation>
    </message>
    <message>
        <source>Follow-ups due: {count} (the earliest on {date})</source>
        <translation>到期跟进事项：{count} 项（最早 {date} 到期）</translation>
    </message>
    <message>
        <source>No follow-up due; the next on {date}</source>
        <translation>暂无到期跟进事项；下一项 {date} 到期</translation>
    </message>
    <message>
        <source>No follow-up due</source>
        <translation>暂无到期跟进事项</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>New walk-in</source>
        <translation>新来访</translation>
    </message>
    <message>
        <source>Start a new client from an empty profile (Ctrl+N)</source>
        <translation>从空白企业信息开始登记新客户（Ctrl+N）</translation>
    </message>
    <message>
        <source>Search by name or credit code (Ctrl+F)</source>
        <translation>按名称或信用代码搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>所在区域(&amp;Z)：</translation>
    </message>
    <message>
        <source>Zone filter</source>
        <translation>所在区域筛选</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Assessment filter</source>
        <translation>评估筛选</translation>
    </message>
    <message>
        <source>Follow-up &amp;due</source>
        <translation>跟进事项到期(&amp;D)</translation>
    </message>
    <message>
        <source>Only clients with a follow-up due</source>
        <translation>仅显示有到期跟进事项的客户</translation>
    </message>
    <message>
        <source>Only clients with an open follow-up due on or before the assessment date</source>
        <translation>仅显示有在评估基准日或之前到期的未完成跟进事项的客户</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected client (Enter)</source>
        <translation>打开所选客户（Enter）</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected client (Del)</source>
        <translation>删除所选客户（Del）</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Put the client back (Ctrl+Z)</source>
        <translation>恢复该客户（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>With eligible measures</source>
        <translation>有可适用措施</translation>
    </message>
    <message>
        <source>With open questions</source>
        <translation>有待回答问题</translation>
    </message>
    <message>
        <source>Never assessed</source>
        <translation>从未评估</translation>
    </message>
    <message>
        <source>Assessed with older rules</source>
        <translation>按旧版规则评估</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Zone not given</source>
        <translation>未填写区域</translation>
    </message>
    <message>
        <source>Loading clients…</source>
        <translation>正在加载客户…</translation>
    </message>
    <message>
        <source>{shown} of {total} clients</source>
        <translation>{shown} / {total} 个客户</translation>
    </message>
    <message>
        <source>Follow-up &amp;due ({count})</source>
        <translation>跟进事项到期（{count}）(&amp;D)</translation>
    </message>
    <message>
        <source>No clients yet: start a walk-in with Ctrl+N or import a spreadsheet.</source>
        <translation>还没有客户：按 Ctrl+N 登记新来访，或导入电子表格。</translation>
    </message>
    <message>
        <source>No clients match the search and filters.</source>
        <translation>没有符合搜索和筛选条件的客户。</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <source>{name} will be deleted. Undo within {seconds} seconds to keep it.</source>
        <translation>{name}将被删除。如需保留，请在 {seconds} 秒内撤销。</translation>
    </message>
    <message>
        <source>Delete {name} with its history, assessments, notes and checklist?

You can undo for {seconds} seconds. The deletion is made when the undo bar closes, when you delete another client, or when you leave the list.</source>
        <translation>删除{name}及其历史记录、评估、备注和材料清单？

{seconds} 秒内可以撤销。撤销栏关闭、删除其他客户或离开列表时，删除即生效。</translation>
    </message>
</context>
<context>
    <name>SaveConflictDialog</name>
    <message>
        <source>Someone else saved this client</source>
        <translation>其他人已保存该客户</translation>
    </message>
    <message>
        <source>{who} saved {name} on {when}, after you opened it. Your changes are not lost: compare the answers below and choose.</source>
        <translation>在您打开后，{who}于 {when} 保存了{name}。您的更改不会丢失：请比较下方的回答后再选择。</translation>
    </message>
    <message>
        <source>Keep mine: save your answers as the newest version (theirs stays in the history). Take theirs: reload the client as they saved it; your unsaved changes are dropped. Cancel: go on editing; nothing is saved.</source>
        <translation>保留我的：将您的回答保存为最新版本（对方的版本保留在历史记录中）。采用对方的：按对方保存的内容重新加载客户，您未保存的更改将被放弃。取消：继续编辑，不保存任何内容。</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Keep mine: save my answers over theirs</source>
        <translation>保留我的：用我的回答覆盖对方的</translation>
    </message>
    <message>
        <source>Take theirs: reload the saved client</source>
        <translation>采用对方的：重新加载已保存的客户</translation>
    </message>
    <message>
        <source>Cancel: keep editing, nothing is saved</source>
        <translation>取消：继续编辑，不保存任何内容</translation>
    </message>
    <message>
        <source>Answers that differ: mine and theirs</source>
        <translation>不同的回答：我的与对方的</translation>
    </message>
    <message>
        <source>My answer</source>
        <translation>我的回答</translation>
    </message>
    <message>
        <source>Saved by {who}</source>
        <translation>{who}保存的回答</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>The settings file could not be read; saving will replace it.</source>
        <translation>无法读取设置文件；保存时将替换该文件。</translation>
    </message>
    <message>
        <source>The report branding file could not be read; saving will replace it.</source>
        <translation>无法读取报告抬头文件；保存时将替换该文件。</translation>
    </message>
    <message>
        <source>Choose Chinese or English.</source>
        <translation>请选择中文或英文。</translation>
    </message>
    <message>
        <source>{day} is not a date of the calendar; write it as 2026-11-26.</source>
        <translation>{day} 不是有效日期；请按 2026-11-26 的格式填写。</translation>
    </message>
    <message>
        <source>Choose the file of the client roster.</source>
        <translation>请选择客户名册文件。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file.</source>
        <translation>{path} 是文件夹；请选择文件。</translation>
    </message>
    <message>
        <source>Choose a local file or a PostgreSQL server.</source>
        <translation>请选择本地文件或 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address, e.g. centre-db.</source>
        <translation>请输入服务器名称或地址，如 centre-db。</translation>
    </message>
    <message>
        <source>{host} is not a server name or address.</source>
        <translation>{host} 不是有效的服务器名称或地址。</translation>
    </message>
    <message>
        <source>The port is a whole number from 1 to 65535 (usually 5432).</source>
        <translation>端口应为 1 至 65535 之间的整数（通常为 5432）。</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <source>Enter the user name to connect as.</source>
        <translation>请输入连接所用的用户名。</translation>
    </message>
    <message>
        <source>The password contains characters that cannot be typed.</source>
        <translation>密码中含有无法输入的字符。</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the password, and it is never written to a file. Unlock or install one (such as GNOME Keyring or KWallet), or leave the password empty if the server lets this computer in without one.</source>
        <translation>没有可用于保存密码的系统密钥环，而密码绝不会写入文件。请解锁或安装一个密钥环（如 GNOME Keyring 或 KWallet）；如果服务器允许本机不用密码连接，也可将密码留空。</translation>
    </message>
    <message>
        <source>The name of who prepared the report is longer than 200 characters.</source>
        <translation>编制人姓名超过 200 个字符。</translation>
    </message>
    <message>
        <source>The organisation&apos;s name is longer than 200 characters.</source>
        <translation>机构名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>The contact details are longer than 200 characters.</source>
        <translation>联系方式超过 200 个字符。</translation>
    </message>
    <message>
        <source>The name of who prepared the report has characters that cannot be printed.</source>
        <translation>编制人姓名中含有无法打印的字符。</translation>
    </message>
    <message>
        <source>The organisation&apos;s name has characters that cannot be printed.</source>
        <translation>机构名称中含有无法打印的字符。</translation>
    </message>
    <message>
        <source>The contact details have characters that cannot be printed.</source>
        <translation>联系方式中含有无法打印的字符。</translation>
    </message>
    <message>
        <source>{colour} is not a colour; write it as #RRGGBB, e.g. #1F4E79.</source>
        <translation>{colour} 不是有效的颜色；请按 #RRGGBB 格式填写，如 #1F4E79。</translation>
    </message>
    <message>
        <source>The report branding was refused: {why}</source>
        <translation>报告抬头设置未被接受：{why}</translation>
    </message>
    <message>
        <source>The logo file {path} does not exist.</source>
        <translation>徽标文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose the logo&apos;s image file.</source>
        <translation>{path} 是文件夹；请选择徽标图片文件。</translation>
    </message>
    <message>
        <source>{path} is a device or a pipe, not a file; choose the logo&apos;s image file.</source>
        <translation>{path} 是设备或管道，不是文件；请选择徽标图片文件。</translation>
    </message>
    <message>
        <source>The logo {path} is larger than 2 MB; choose a smaller image.</source>
        <translation>徽标 {path} 大于 2 MB；请选择较小的图片。</translation>
    </message>
    <message>
        <source>The logo {path} is not a PNG or JPEG image.</source>
        <translation>徽标 {path} 不是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>The logo {path} cannot be read.</source>
        <translation>无法读取徽标 {path}。</translation>
    </message>
    <message>
        <source>The file does not exist yet: a new, empty roster is made there on saving.</source>
        <translation>该文件尚不存在：保存时将在此处新建一个空的客户名册。</translation>
    </message>
    <message>
        <source>Connected, but this database was made by a newer version of policy-checker. Update the app to use it.</source>
        <translation>已连接，但此数据库由更高版本的本软件创建。请升级本软件后再使用。</translation>
    </message>
    <message>
        <source>Connected. The database is empty: policy-checker sets it up on saving.</source>
        <translation>已连接。数据库为空：保存时本软件会自动完成初始化。</translation>
    </message>
    <message>
        <source>Connected. This is a policy-checker roster.</source>
        <translation>已连接。这是本软件的客户名册。</translation>
    </message>
    <message>
        <source>Connected. This roster is upgraded to this version of policy-checker on saving.</source>
        <translation>已连接。保存时此客户名册将升级到本软件的当前版本。</translation>
    </message>
    <message>
        <source>Wait until the database has answered.</source>
        <translation>请等待数据库响应。</translation>
    </message>
    <message>
        <source>The settings could not be saved in {folder}. Check that it can be written.</source>
        <translation>无法将设置保存到 {folder}。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>This database was made by a newer version of policy-checker. Update the app to use it.</source>
        <translation>此数据库由更高版本的本软件创建。请升级本软件后再使用。</translation>
    </message>
    <message>
        <source>{where} holds other data: it is not a policy-checker roster.</source>
        <translation>{where} 中存有其他数据：不是本软件的客户名册。</translation>
    </message>
    <message>
        <source>The roster in {where} could not be brought up to date.</source>
        <translation>无法将 {where} 中的客户名册升级到当前版本。</translation>
    </message>
    <message>
        <source>The database {where} could not be opened.</source>
        <translation>无法打开数据库 {where}。</translation>
    </message>
    <message>
        <source>The server {server} refused the user name or the password.</source>
        <translation>服务器 {server} 拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <source>The server {server} has no database called {name}.</source>
        <translation>服务器 {server} 上没有名为 {name} 的数据库。</translation>
    </message>
    <message>
        <source>No server called {host} was found. Check the server&apos;s name.</source>
        <translation>找不到名为 {host} 的服务器。请检查服务器名称。</translation>
    </message>
    <message>
        <source>The server {server} did not answer. Check its name and port, and that it is running and reachable from this computer.</source>
        <translation>服务器 {server} 没有响应。请检查服务器名称和端口，并确认服务器正在运行且本机可以访问。</translation>
    </message>
    <message>
        <source>{where} is not a database file.</source>
        <translation>{where} 不是数据库文件。</translation>
    </message>
    <message>
        <source>The file {where} cannot be opened or created here.</source>
        <translation>无法在此处打开或创建文件 {where}。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Report branding</source>
        <translation>报告抬头</translation>
    </message>
    <message>
        <source>Rule packs</source>
        <translation>规则包</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Assess as of:</source>
        <translation>评估基准日：</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>A &amp;fixed date:</source>
        <translation>固定日期(&amp;F)：</translation>
    </message>
    <message>
        <source>Fixed assessment date</source>
        <translation>固定的评估基准日</translation>
    </message>
    <message>
        <source>Deadlines and amounts that change over time are judged as of this date. A fixed date lets you repeat an earlier assessment.</source>
        <translation>随时间变化的期限和金额均按此日期判断。使用固定日期可重现以前的评估。</translation>
    </message>
    <message>
        <source>A &amp;file on this computer</source>
        <translation>本机文件(&amp;F)</translation>
    </message>
    <message>
        <source>A shared &amp;PostgreSQL server (service centre)</source>
        <translation>共享的 PostgreSQL 服务器（服务中心）(&amp;P)</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
    <message>
        <source>Use the default database file</source>
        <translation>使用默认数据库文件</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Server name or address</source>
        <translation>服务器名称或地址</translation>
    </message>
    <message>
        <source>e.g. centre-db</source>
        <translation>如 centre-db</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>D&amp;atabase:</source>
        <translation>数据库(&amp;A)：</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名称</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Empty: keep the saved password, if any</source>
        <translation>留空则保留已保存的密码（如有）</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>In use now: {where}</source>
        <translation>当前使用：{where}</translation>
    </message>
    <message>
        <source>Printed on the reports you export: who prepared them, and for whom.</source>
        <translation>印在导出的报告上，说明报告由谁编制、为谁编制。</translation>
    </message>
    <message>
        <source>&amp;Prepared by:</source>
        <translation>编制人(&amp;P)：</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>编制人</translation>
    </message>
    <message>
        <source>e.g. Wang Xiaoming, adviser</source>
        <translation>如：王小明，顾问</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>机构(&amp;O)：</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>e.g. Donghu service centre</source>
        <translation>如：东湖服务中心</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>联系方式(&amp;C)：</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Address, telephone, e-mail</source>
        <translation>地址、电话、电子邮箱</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>徽标(&amp;L)：</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>徽标文件</translation>
    </message>
    <message>
        <source>PNG or JPEG, at most 2 MB</source>
        <translation>PNG 或 JPEG，不超过 2 MB</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose the logo file</source>
        <translation>选择徽标文件</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>移除徽标</translation>
    </message>
    <message>
        <source>&amp;Accent colour:</source>
        <translation>主题色(&amp;A)：</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>主题色</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the accent colour</source>
        <translation>选择主题色</translation>
    </message>
    <message>
        <source>Apply the settings and close</source>
        <translation>应用设置并关闭</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>关闭，不做任何更改</translation>
    </message>
    <message>
        <source>Roster database (*.sqlite3 *.db);;All files (*)</source>
        <translation>客户名册数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>密码保存在本机的系统密钥环中，绝不写入文件。</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep a password: leave it empty if the server lets this computer in without one.</source>
        <translation>本机没有可保存密码的系统密钥环：如果服务器允许本机不用密码连接，请将密码留空。</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Search the roster</source>
        <translation>搜索客户名册</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected client / answer and go on</source>
        <translation>打开所选客户 / 回答并继续</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected client (with undo)</source>
        <translation>删除所选客户（可撤销）</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Undo the last delete</source>
        <translation>撤销上一次删除</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Interview: previous question</source>
        <translation>问答：上一题</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Interview: don&apos;t know</source>
        <translation>问答：不清楚</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Interview: skip the question</source>
        <translation>问答：跳过此题</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Interview: stop (it can be resumed)</source>
        <translation>问答：停止（之后可继续）</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Results: next grouping</source>
        <translation>结果：切换分组方式</translation>
    </message>
    <message>
        <source>Alt+1…Alt+4</source>
        <translation>Alt+1…Alt+4</translation>
    </message>
    <message>
        <source>Results: show or hide a verdict</source>
        <translation>结果：显示或隐藏某类结论</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>History: compare two visits</source>
        <translation>历史记录：对比两次来访</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>History: mark the follow-up done</source>
        <translation>历史记录：将跟进事项标记为已完成</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>TagsEditor</name>
    <message>
        <source>Filter the list</source>
        <translation>筛选列表</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>以上都没有</translation>
    </message>
    <message>
        <source>Untick every tag shown: the company does none of them</source>
        <translation>取消勾选所有显示的选项：企业不涉及其中任何一项</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{count} ticked</source>
        <translation>已勾选 {count} 项</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Character {position}, &apos;{char}&apos;, is not used in credit codes (no I, O, S, V, Z): did you mean {suggestion}?</source>
        <translation>第 {position} 位字符“{char}”不用于信用代码（信用代码不含 I、O、S、V、Z）：您是否要输入 {suggestion}？</translation>
    </message>
    <message>
        <source>Character {position}, &apos;{char}&apos;, is not allowed: a credit code has only digits and capital letters.</source>
        <translation>第 {position} 位字符“{char}”无效：信用代码只能包含数字和大写字母。</translation>
    </message>
    <message>
        <source>It has {count} characters; a credit code has 18.</source>
        <translation>当前为 {count} 位；信用代码应为 18 位。</translation>
    </message>
    <message>
        <source>Character {position}, &apos;{char}&apos;, should be a digit: the first 8 characters of this credit code are digits.</source>
        <translation>第 {position} 位字符“{char}”应为数字：此信用代码的前 8 位均为数字。</translation>
    </message>
    <message>
        <source>The last character should be {expected}: check the code for a typo.</source>
        <translation>最后一位应为 {expected}：请检查代码是否输错。</translation>
    </message>
    <message>
        <source>This is not a valid credit code: check it against the business licence.</source>
        <translation>这不是有效的信用代码：请与营业执照核对。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type digits only, e.g. 25.</source>
        <translation>“{text}”不是数字：请只输入数字，如 25。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type digits only, e.g. 1200 or 35.5.</source>
        <translation>“{text}”不是数字：请只输入数字，如 1200 或 35.5。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too large.</source>
        <translation>“{text}”过大。</translation>
    </message>
    <message>
        <source>It cannot be below zero.</source>
        <translation>不能小于零。</translation>
    </message>
    <message>
        <source>It must be more than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>It cannot be more than {maximum}.</source>
        <translation>不能大于 {maximum}。</translation>
    </message>
    <message>
        <source>Type a whole number, e.g. 25.</source>
        <translation>请输入整数，如 25。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a year: type four digits, e.g. 2021.</source>
        <translation>“{text}”不是年份：请输入四位数字，如 2021。</translation>
    </message>
    <message>
        <source>{year} is outside {low}–{high}: check the year for a typo.</source>
        <translation>{year} 不在 {low}–{high} 范围内：请检查年份是否输错。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date: type it as YYYY-MM-DD, e.g. 2019-03-05.</source>
        <translation>“{text}”不是日期：请按 YYYY-MM-DD 格式输入，如 2019-03-05。</translation>
    </message>
    <message>
        <source>There is no such day as {text}: check the month and the day.</source>
        <translation>不存在 {text} 这一天：请检查月份和日期。</translation>
    </message>
    <message>
        <source>{day} is in the future: a registration date cannot be after {latest}.</source>
        <translation>{day} 是未来日期：登记日期不能晚于 {latest}。</translation>
    </message>
    <message>
        <source>{day} is too early for a registration date: check the year.</source>
        <translation>{day} 作为登记日期过早：请检查年份。</translation>
    </message>
    <message>
        <source>Enter the company&apos;s name: it is required.</source>
        <translation>请输入企业名称（必填）。</translation>
    </message>
    <message>
        <source>The name has {count} characters; at most {limit} are allowed.</source>
        <translation>名称有 {count} 个字符，最多允许 {limit} 个。</translation>
    </message>
</context>
<context>
    <name>YearEditor</name>
    <message>
        <source>Year, e.g. 2021</source>
        <translation>年份，如 2021</translation>
    </message>
    <message>
        <source>Not yet profitable</source>
        <translation>尚未盈利</translation>
    </message>
</context>
<context>
    <name>_TypedEditor</name>
    <message>
        <source>Don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Something unexpected went wrong. The details are in the log file.</source>
        <translation>发生意外错误，详细信息见日志文件。</translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>ActivitiesView</name>
    <message>
      <location filename="../../ui/views/activities.py" line="27" />
      <source>Activities</source>
      <translation>活动记录</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="29" />
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="34" />
      <source>Note…</source>
      <translation>笔记…</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="34" />
      <source>Call…</source>
      <translation>电话…</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="35" />
      <source>Meeting…</source>
      <translation>会议…</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="35" />
      <source>Task…</source>
      <translation>任务…</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="47" />
      <source>No activity yet. Log a call, a meeting or a note with the buttons above.</source>
      <translation>还没有活动记录。用上方的按钮记录电话、会议或笔记。</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="65" />
      <source>latest {0}</source>
      <translation>最近 {0} 条</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="66" />
      <source>1 activity</source>
      <translation>1 条记录</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="66" />
      <source>{0} activities</source>
      <translation>{0} 条记录</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="73" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/views/activities.py" line="73" />
      <source>Delete this {0}?</source>
      <translation>删除这条{0}？</translation>
    </message>
  </context>
  <context>
    <name>ActivityDialog</name>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="67" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="70" />
      <source>Contact or company (optional): start typing</source>
      <translation>联系人或公司（可选）：开始输入</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="74" />
      <source>&amp;Kind</source>
      <translation>类型(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="76" />
      <source>About</source>
      <translation>相关</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="79" />
      <source>&amp;About</source>
      <translation>相关(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="81" />
      <source>&amp;Subject</source>
      <translation>主题(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="82" />
      <source>&amp;Text</source>
      <translation>内容(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="83" />
      <source>&amp;Date</source>
      <translation>日期(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="84" />
      <source>D&amp;ue</source>
      <translation>截止(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="121" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="121" />
      <source>Call</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="122" />
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/activity.py" line="122" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../ui/app.py" line="54" />
      <source>Something went wrong: {0}

The action was not completed and nothing was half-saved. If it happens again, please report it.</source>
      <translation>出错了：{0}

操作未完成，也没有保存一半的数据。如果再次发生，请报告此问题。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="72" />
      <source>Satchel could not open its database.

{0}</source>
      <translation>Satchel 无法打开数据库。

{0}</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="76" />
      <source>Satchel could not open {0}: {1}.

Check that the folder exists and that you may write to it, or start Satchel with --db pointing at another file.</source>
      <translation>Satchel 无法打开 {0}：{1}。

请确认该文件夹存在且有写入权限，或用 --db 指定另一个文件启动 Satchel。</translation>
    </message>
  </context>
  <context>
    <name>CameraDialog</name>
    <message>
      <location filename="../../ui/cards/camera.py" line="174" />
      <source>Scan card with camera</source>
      <translation>用摄像头扫描名片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="177" />
      <source>Hold the card flat inside the frame, close enough to fill it, then press Space to take the picture.</source>
      <translation>将名片平放在取景框内，靠近到填满取景框，然后按空格键拍照。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="195" />
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="197" />
      <source>Scan image files instead…</source>
      <translation>改为扫描图片文件…</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="199" />
      <location filename="../../ui/cards/camera.py" line="339" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="201" />
      <source>Capture</source>
      <translation>拍照</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="202" />
      <source>Take the picture (Space or Enter)</source>
      <translation>拍照（空格键或回车键）</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="236" />
      <source>Starting the camera…</source>
      <translation>正在启动摄像头…</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="270" />
      <source>The camera stopped sending pictures: it was unplugged, or another program is using it. Plug it back in or close the other program, then press Try again.</source>
      <translation>摄像头已停止传送画面：可能已被拔出，或正被其他程序占用。请重新插好摄像头或关闭其他程序，然后点击“重试”。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="274" />
      <source>The camera gives no picture. Another program may be using it: close that program and press Try again, or scan the cards and open the image files with File → Scan business cards.</source>
      <translation>摄像头没有画面，可能正被其他程序占用：请关闭该程序后点击“重试”，或先扫描名片，再通过“文件 → 扫描名片”打开图片文件。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="278" />
      <source>No camera found. Connect one, or scan the cards and open the image files with File → Scan business cards.</source>
      <translation>未找到摄像头。请连接摄像头，或先扫描名片，再通过“文件 → 扫描名片”打开图片文件。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="282" />
      <source>The card captured so far is kept.</source>
      <translation>已拍摄的名片会保留。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="283" />
      <source>The {0} cards captured so far are kept.</source>
      <translation>已拍摄的 {0} 张名片会保留。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="298" />
      <source>Not captured</source>
      <translation>未拍摄</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="299" />
      <source>The picture could not be saved in {0} ({1}). Check that the disk has room and try again.</source>
      <translation>无法将照片保存到 {0}（{1}）。请检查磁盘空间后重试。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="329" />
      <source>Review 1 card</source>
      <translation>核对 1 张名片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="330" />
      <source>Review {0} cards</source>
      <translation>核对 {0} 张名片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="331" />
      <source>Close the camera and read the cards captured (Esc)</source>
      <translation>关闭摄像头并识别已拍摄的名片 (Esc)</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="333" />
      <source>1 card captured.</source>
      <translation>已拍摄 1 张名片。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="334" />
      <source>{0} cards captured.</source>
      <translation>已拍摄 {0} 张名片。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/camera.py" line="336" />
      <source>Hold up the next one, or review them.</source>
      <translation>请拿起下一张名片，或开始核对。</translation>
    </message>
  </context>
  <context>
    <name>CameraView</name>
    <message>
      <location filename="../../ui/cards/camera.py" line="74" />
      <source>Camera picture</source>
      <translation>摄像头画面</translation>
    </message>
  </context>
  <context>
    <name>CandidateWorker</name>
    <message>
      <location filename="../../ui/dedup/worker.py" line="104" />
      <source>the duplicate finder is not part of this build of Satchel</source>
      <translation>此版本的 Satchel 不包含查重功能</translation>
    </message>
  </context>
  <context>
    <name>CardView</name>
    <message>
      <location filename="../../ui/cards/card_view.py" line="25" />
      <source>Business card image</source>
      <translation>名片图片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/card_view.py" line="60" />
      <source>No image</source>
      <translation>无图片</translation>
    </message>
  </context>
  <context>
    <name>CompaniesView</name>
    <message>
      <location filename="../../ui/views/records.py" line="270" />
      <source>Companies</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="271" />
      <source>No companies yet. They are created as you add contacts.</source>
      <translation>还没有公司。添加联系人时会自动创建。</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="272" />
      <source>Select a company to see its people, deals and history.</source>
      <translation>选择一家公司，查看其联系人、商机和往来记录。</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="273" />
      <source>New company…</source>
      <translation>新建公司…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="276" />
      <source>1 company</source>
      <translation>1 家公司</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="276" />
      <source>{0} companies</source>
      <translation>{0} 家公司</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="282" />
      <source>Export this company's contacts…</source>
      <translation>导出该公司的联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="283" />
      <source>Export the contacts of {0} companies…</source>
      <translation>导出 {0} 家公司的联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="286" />
      <source>Delete this company…</source>
      <translation>删除该公司…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="287" />
      <source>Delete {0} companies…</source>
      <translation>删除 {0} 家公司…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="290" />
      <source>Delete these {0} companies? Their contacts stay, without a company.</source>
      <translation>删除这 {0} 家公司？其联系人会保留，但不再属于任何公司。</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="294" />
      <source>Deleting {0} companies…</source>
      <translation>正在删除 {0} 家公司…</translation>
    </message>
  </context>
  <context>
    <name>CompanyDialog</name>
    <message>
      <location filename="../../ui/dialogs/company.py" line="24" />
      <source>New company</source>
      <translation>新建公司</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/company.py" line="31" />
      <source>&amp;Name</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/company.py" line="32" />
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/company.py" line="33" />
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/company.py" line="34" />
      <source>&amp;Website</source>
      <translation>网站(&amp;W)</translation>
    </message>
  </context>
  <context>
    <name>CompanyField</name>
    <message>
      <location filename="../../ui/company_field.py" line="61" />
      <source>{0} (1 contact)</source>
      <translation>{0}（1 位联系人）</translation>
    </message>
    <message>
      <location filename="../../ui/company_field.py" line="63" />
      <source>{0} ({1} contacts)</source>
      <translation>{0}（{1} 位联系人）</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="93" />
      <source>Sync conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="95" />
      <source>Someone changed these at the same time as you, and their change was newer. Restore yours if it was the right one.</source>
      <translation>有同事和您同时修改了这些内容，且对方的修改较新。如果您的才是正确的，请恢复您的修改。</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="106" />
      <source>No conflicts: every change of yours is in.</source>
      <translation>没有冲突：您的所有修改都已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="108" />
      <source>Restore mine</source>
      <translation>恢复我的修改</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="110" />
      <source>Keep theirs</source>
      <translation>保留对方的修改</translation>
    </message>
  </context>
  <context>
    <name>ConflictsModel</name>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="52" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="52" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="52" />
      <source>Your value</source>
      <translation>您的值</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="53" />
      <source>Value kept</source>
      <translation>保留的值</translation>
    </message>
    <message>
      <location filename="../../ui/sync/conflicts_dialog.py" line="53" />
      <source>When</source>
      <translation>时间</translation>
    </message>
  </context>
  <context>
    <name>ContactsView</name>
    <message>
      <location filename="../../ui/views/records.py" line="240" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="241" />
      <source>No contacts yet. Press Ctrl+N to add one, or import your address book (File → Import…).</source>
      <translation>还没有联系人。按 Ctrl+N 添加，或导入通讯录（文件 → 导入…）。</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="243" />
      <source>Select a contact to see everything about them.</source>
      <translation>选择一位联系人，查看其全部信息。</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="244" />
      <source>New contact…</source>
      <translation>新建联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="247" />
      <source>1 contact</source>
      <translation>1 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="247" />
      <source>{0} contacts</source>
      <translation>{0} 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="253" />
      <source>Export this contact…</source>
      <translation>导出该联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="254" />
      <source>Export {0} contacts…</source>
      <translation>导出 {0} 位联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="257" />
      <source>Delete this contact…</source>
      <translation>删除该联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="258" />
      <source>Delete {0} contacts…</source>
      <translation>删除 {0} 位联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="261" />
      <source>Delete these {0} contacts?</source>
      <translation>删除这 {0} 位联系人？</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="264" />
      <source>Deleting {0} contacts…</source>
      <translation>正在删除 {0} 位联系人…</translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message>
      <location filename="../../ui/detail_pane.py" line="42" />
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="43" />
      <source>Change this record (Enter in the list)</source>
      <translation>修改此记录（在列表中按回车）</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="46" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="49" />
      <source>Note…</source>
      <translation>笔记…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="50" />
      <source>Call…</source>
      <translation>电话…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="51" />
      <source>Meeting…</source>
      <translation>会议…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="53" />
      <source>Follow-up task…</source>
      <translation>跟进任务…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="56" />
      <source>Opportunity…</source>
      <translation>商机…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="57" />
      <source>Contact at this company…</source>
      <translation>此公司的联系人…</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="60" />
      <location filename="../../ui/detail_pane.py" line="200" />
      <location filename="../../ui/detail_pane.py" line="208" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="198" />
      <source>this contact</source>
      <translation>此联系人</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="199" />
      <source>this company (its contacts stay, without a company)</source>
      <translation>此公司（其联系人会保留，但不再属于任何公司）</translation>
    </message>
    <message>
      <location filename="../../ui/detail_pane.py" line="201" />
      <source>Delete {0}?</source>
      <translation>删除{0}？</translation>
    </message>
  </context>
  <context>
    <name>EditCompanyDialog</name>
    <message>
      <location filename="../../ui/dialogs/edit_records.py" line="70" />
      <source>Edit company</source>
      <translation>编辑公司</translation>
    </message>
  </context>
  <context>
    <name>EditContactDialog</name>
    <message>
      <location filename="../../ui/dialogs/edit_records.py" line="22" />
      <source>Edit contact</source>
      <translation>编辑联系人</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="150" />
      <source>Export contacts</source>
      <translation>导出联系人</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="153" />
      <source>Exporting {0} to {1} ({2})…</source>
      <translation>正在将{0}导出到 {1}（{2}）…</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="167" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="169" />
      <source>Show in folder</source>
      <translation>在文件夹中显示</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="172" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="196" />
      <source>1 contact</source>
      <translation>1 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="196" />
      <source>{0} contacts</source>
      <translation>{0} 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="199" />
      <source>1 company</source>
      <translation>1 家公司</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="199" />
      <source>{0} companies</source>
      <translation>{0} 家公司</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="204" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="230" />
      <location filename="../../ui/exporting/dialog.py" line="240" />
      <source>Exported {0} to {1}.</source>
      <translation>已将{0}导出到 {1}。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="231" />
      <source>There are no contacts yet: {0} holds only the column headers. Companies without contacts travel in vCard files.</source>
      <translation>还没有联系人：{0} 只有列标题。没有联系人的公司可以用 vCard 文件导出。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="234" />
      <source>Nobody works at the selected companies: {0} holds only the column headers. Companies without contacts travel in vCard files.</source>
      <translation>所选公司没有联系人：{0} 只有列标题。没有联系人的公司请导出为 vCard 文件。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="237" />
      <source>Exported {0} and {1} without contacts to {2}.</source>
      <translation>已将{0}和没有联系人的{1}导出到 {2}。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="255" />
      <source>Export cancelled: no file was written.</source>
      <translation>导出已取消：没有写入任何文件。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="42" />
      <source>vCard 3.0 — Apple Contacts, Gmail, phones (*.vcf)</source>
      <translation>vCard 3.0 — 苹果通讯录、Gmail、手机 (*.vcf)</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="43" />
      <source>vCard 4.0 — Thunderbird, newer address books (*.vcf)</source>
      <translation>vCard 4.0 — Thunderbird、较新的通讯录 (*.vcf)</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="44" />
      <source>Google Contacts CSV — Gmail, Excel (*.csv)</source>
      <translation>Google 通讯录 CSV — Gmail、Excel (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="45" />
      <source>Outlook CSV — Outlook's Import/Export wizard, Excel (*.csv)</source>
      <translation>Outlook CSV — Outlook 的导入/导出向导、Excel (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="46" />
      <source>Excel workbook — edit it and import it again (*.xlsx)</source>
      <translation>Excel 工作簿 — 编辑后可再次导入 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="52" />
      <source>Apple Contacts: File → Import. Gmail: contacts.google.com → Import. A phone: open the file on it. For Outlook, export Outlook CSV.</source>
      <translation>苹果通讯录：文件 → 导入。Gmail：contacts.google.com → 导入。手机：在手机上打开该文件。导入 Outlook 请导出 Outlook CSV。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="54" />
      <source>Thunderbird: Tools → Import → Address Books. Older programs read vCard 3.0 better.</source>
      <translation>Thunderbird：工具 → 导入 → 通讯录。较旧的程序更适合读取 vCard 3.0。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="56" />
      <source>Gmail: contacts.google.com → Import. Excel opens it too, Chinese included.</source>
      <translation>Gmail：contacts.google.com → 导入。Excel 也能打开，中文显示正常。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="58" />
      <source>Outlook: File → Open &amp; Export → Import/Export → Import from another program or file → Comma Separated Values, then choose this file: its columns are Outlook's own. Excel opens it too.</source>
      <translation>Outlook：文件 → 打开和导出 → 导入/导出 → 从另一程序或文件导入 → 逗号分隔值，然后选择此文件：其各列就是 Outlook 自己的字段。Excel 也能打开。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="61" />
      <source>Edit it in Excel, then import it again (File → Import): each row keeps its Satchel ID, so the same contacts are updated.</source>
      <translation>在 Excel 中编辑后再次导入（文件 → 导入）：每行保留其 Satchel ID，因此会更新同一批联系人。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="98" />
      <location filename="../../ui/exporting/dialog.py" line="109" />
      <source>Export contacts</source>
      <translation>导出联系人</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="99" />
      <source>There is nothing to export yet: import an address book or add a contact first.</source>
      <translation>还没有可导出的内容：请先导入通讯录或添加联系人。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="100" />
      <source>None of the selected records is there any more.</source>
      <translation>所选记录都已不存在。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/dialog.py" line="107" />
      <source>Satchel contacts {0}</source>
      <translation>Satchel 联系人 {0}</translation>
    </message>
  </context>
  <context>
    <name>ExportWorker</name>
    <message>
      <location filename="../../ui/exporting/worker.py" line="33" />
      <source>{0} could not be written ({1}). Nothing was exported: choose another folder or file name.</source>
      <translation>无法写入 {0}（{1}）。没有导出任何内容：请选择其他文件夹或文件名。</translation>
    </message>
    <message>
      <location filename="../../ui/exporting/worker.py" line="36" />
      <source>The export stopped because of an unexpected error ({0}). No file was written.</source>
      <translation>导出因意外错误而停止（{0}）。没有写入任何文件。</translation>
    </message>
  </context>
  <context>
    <name>FieldForm</name>
    <message>
      <location filename="../../ui/cards/fields.py" line="181" />
      <source>+ e-mail</source>
      <translation>+ 邮箱</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="182" />
      <source>+ phone</source>
      <translation>+ 电话</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="183" />
      <source>+ website</source>
      <translation>+ 网站</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="189" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="189" />
      <source>Title</source>
      <translation>职位</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="190" />
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="191" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="191" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="192" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="192" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="193" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="193" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>FirstRunView</name>
    <message>
      <location filename="../../ui/views/first_run.py" line="21" />
      <source>Welcome to Satchel</source>
      <translation>欢迎使用 Satchel</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="24" />
      <source>Your customers, companies and deals, on this computer, with or without a network.
Start by bringing in the people you already know:</source>
      <translation>客户、公司和商机都保存在这台电脑上，有没有网络都能用。
先把您已经认识的人导入进来：</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="29" />
      <source>Import address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="30" />
      <source>vCard, CSV, LDIF or Excel</source>
      <translation>vCard、CSV、LDIF 或 Excel</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="31" />
      <source>Scan business cards</source>
      <translation>扫描名片</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="32" />
      <source>English and Chinese cards</source>
      <translation>中英文名片</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="33" />
      <source>Load sample data</source>
      <translation>加载示例数据</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="34" />
      <source>A few example customers</source>
      <translation>几个示例客户</translation>
    </message>
    <message>
      <location filename="../../ui/views/first_run.py" line="44" />
      <source>or press Ctrl+N to add a contact by hand</source>
      <translation>或按 Ctrl+N 手动添加联系人</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../ui/importing/dialog.py" line="109" />
      <source>Import address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="132" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="133" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="135" />
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="137" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="140" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="142" />
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="163" />
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="163" />
      <source>First value</source>
      <translation>首行内容</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="163" />
      <source>Satchel field</source>
      <translation>Satchel 字段</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="172" />
      <source>Find a name, company or file</source>
      <translation>查找姓名、公司或文件</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="195" />
      <source>&amp;Tag everyone imported:</source>
      <translation>为导入的联系人加标签(&amp;T)：</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="196" />
      <source>optional, e.g. Trade fair 2026</source>
      <translation>可选，例如：广交会 2026</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="207" />
      <source>Select them in Contacts</source>
      <translation>在联系人中选中它们</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="210" />
      <source>Review possible duplicates…</source>
      <translation>检查可能重复的公司…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="212" />
      <source>Companies this import made that may be ones already in Satchel: merge them, or say they are not the same</source>
      <translation>本次导入新建的公司中，可能与 Satchel 中已有公司重复的：合并它们，或标记为不是同一家</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="216" />
      <source>Undo this import…</source>
      <translation>撤销这次导入…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="219" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="221" />
      <location filename="../../ui/importing/dialog.py" line="366" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="270" />
      <source>Reading {0}…</source>
      <translation>正在读取 {0}…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="291" />
      <source>{0} cannot all be the {1}: choose another field for all but one, or (ignore).</source>
      <translation>{0}不能都作为“{1}”：只保留其中一列，其余请选择其他字段或“（忽略）”。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="292" />
      <location filename="../../ui/importing/dialog.py" line="431" />
      <location filename="../../ui/importing/dialog.py" line="572" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="300" />
      <source>Importing {0}…</source>
      <translation>正在导入 {0}…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="319" />
      <source>Cancelling… nothing will be changed.</source>
      <translation>正在取消…不会做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="351" />
      <source>{0} of about {1} records checked…</source>
      <translation>已检查 {0} 条记录，共约 {1} 条…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="353" />
      <source>{0} records checked…</source>
      <translation>已检查 {0} 条记录…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="363" />
      <source>Nothing has been written yet. This is what importing {0} will do:</source>
      <translation>尚未写入任何数据。导入 {0} 将会：</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="383" />
      <source>Import finished. Double-click a row to open that contact or company.</source>
      <translation>导入完成。双击某一行即可打开该联系人或公司。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="386" />
      <source>Import finished.</source>
      <translation>导入完成。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="388" />
      <location filename="../../ui/importing/dialog.py" line="480" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="424" />
      <source>{0} has no header row: its first row is already a contact. Satchel guessed what each column holds from its values; check the choices.</source>
      <translation>{0} 没有表头行：第一行就是联系人。Satchel 已根据内容推测每列的含义，请核对。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="429" />
      <source>{0}: some columns could mean the same thing ({1}). Choose what each column holds (this choice is remembered for files with the same columns).</source>
      <translation>{0}：有几列可能表示同一项内容（{1}）。请为每一列选择对应的内容（列相同的文件会记住此设置）。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="434" />
      <source>{0}: Satchel does not recognize some columns, and guessed what they hold from their values. Check each column (this choice is remembered for files with the same columns).</source>
      <translation>{0}：Satchel 无法识别部分列，已根据列中的内容推测其含义。请逐列核对（列相同的文件会记住此设置）。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="439" />
      <source>{0}: Satchel does not recognize some columns. Choose what each column holds (this choice is remembered for files with the same columns).</source>
      <translation>{0}：Satchel 无法识别部分列。请为每一列选择对应的内容（列相同的文件会记住此设置）。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="451" />
      <source>(ignore)</source>
      <translation>（忽略）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="459" />
      <source>Continue</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="466" />
      <source>Column {0}</source>
      <translation>第 {0} 列</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="491" />
      <source>Import cancelled: nothing was changed. You can start it again.</source>
      <translation>导入已取消：未做任何更改。您可以重新开始导入。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="500" />
      <source>&lt;b&gt;{0}&lt;/b&gt; new · &lt;b&gt;{1}&lt;/b&gt; updated · &lt;b&gt;{2}&lt;/b&gt; unchanged · &lt;b&gt;{3}&lt;/b&gt; skipped</source>
      <translation>新增 &lt;b&gt;{0}&lt;/b&gt; · 更新 &lt;b&gt;{1}&lt;/b&gt; · 未变 &lt;b&gt;{2}&lt;/b&gt; · 跳过 &lt;b&gt;{3}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="505" />
      <source>&lt;b&gt;{0}&lt;/b&gt; with values kept in the note</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; 条有内容保存在备注中</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="509" />
      <source>Companies: &lt;b&gt;{0}&lt;/b&gt; new · &lt;b&gt;{1}&lt;/b&gt; already in Satchel</source>
      <translation>公司：新增 &lt;b&gt;{0}&lt;/b&gt; 家 · Satchel 中已有 &lt;b&gt;{1}&lt;/b&gt; 家</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="513" />
      <source>&lt;b&gt;{0}&lt;/b&gt; may be duplicates</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; 家可能重复</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="514" />
      <source>&lt;b&gt;{0}&lt;/b&gt; may be duplicates, to review after the import</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt; 家可能重复，导入后可检查</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="523" />
      <source>The file holds no contacts or companies.</source>
      <translation>该文件中没有联系人或公司。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="529" />
      <source>new</source>
      <translation>新增</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="529" />
      <source>updated</source>
      <translation>已更新</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="530" />
      <source>unchanged</source>
      <translation>未变</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="530" />
      <source>linked</source>
      <translation>已关联</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="531" />
      <source>skipped</source>
      <translation>已跳过</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="532" />
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="533" />
      <source>{0} (new)</source>
      <translation>{0}（新增）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="534" />
      <source>the new company may be {0}</source>
      <translation>新增的公司可能就是 {0}</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="569" />
      <source>e-mail addresses</source>
      <translation>电子邮件地址</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="569" />
      <source>phone numbers</source>
      <translation>电话号码</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="570" />
      <source>websites</source>
      <translation>网址</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="570" />
      <source>photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="572" />
      <source>changes {0}</source>
      <translation>更改：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="575" />
      <source>kept in the note: {0}</source>
      <translation>已保存在备注中：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="610" />
      <source>name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="610" />
      <source>given name</source>
      <translation>名</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="611" />
      <source>middle name</source>
      <translation>中间名</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="611" />
      <source>family name</source>
      <translation>姓</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="612" />
      <source>company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="612" />
      <source>job title</source>
      <translation>职位</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="613" />
      <source>department</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="613" />
      <source>e-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="614" />
      <source>e-mail (home)</source>
      <translation>邮箱（个人）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="614" />
      <source>e-mail (other)</source>
      <translation>邮箱（其他）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="615" />
      <source>phone (work)</source>
      <translation>电话（工作）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="615" />
      <source>extension (of the work phone)</source>
      <translation>分机号（办公电话的）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="616" />
      <source>mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="617" />
      <source>phone (home)</source>
      <translation>电话（住宅）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="617" />
      <source>fax</source>
      <translation>传真</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="618" />
      <source>phone (other)</source>
      <translation>电话（其他）</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="618" />
      <source>address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="619" />
      <source>street</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="619" />
      <source>district</source>
      <translation>区县</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="620" />
      <source>city</source>
      <translation>城市</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="620" />
      <source>region</source>
      <translation>省/州</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="621" />
      <source>postcode</source>
      <translation>邮政编码</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="621" />
      <source>country</source>
      <translation>国家/地区</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="622" />
      <source>home address</source>
      <translation>住宅地址</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="622" />
      <source>home street</source>
      <translation>住宅街道</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="623" />
      <source>home city</source>
      <translation>住宅城市</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="623" />
      <source>home region</source>
      <translation>住宅省/州</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="624" />
      <source>home postcode</source>
      <translation>住宅邮政编码</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="624" />
      <source>home country</source>
      <translation>住宅国家/地区</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="625" />
      <source>website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="625" />
      <source>note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="626" />
      <source>birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="626" />
      <source>birth year</source>
      <translation>出生年份</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="627" />
      <source>birth month</source>
      <translation>出生月份</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="627" />
      <source>birth day</source>
      <translation>出生日</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="628" />
      <source>tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="628" />
      <source>Satchel ID</source>
      <translation>Satchel 编号</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="629" />
      <source>messenger (WeChat, QQ…), kept in the note</source>
      <translation>即时通讯（微信、QQ…），记在笔记中</translation>
    </message>
    <message>
      <location filename="../../ui/importing/dialog.py" line="635" />
      <source>{0} files</source>
      <translation>{0} 个文件</translation>
    </message>
  </context>
  <context>
    <name>ImportWorker</name>
    <message>
      <location filename="../../ui/importing/worker.py" line="90" />
      <source>The database is busy: another program (the command line, or a second Satchel) has been writing to it for a while. Nothing was changed. Import again once it is done.</source>
      <translation>数据库正忙：另一个程序（命令行，或另一个 Satchel）已持续写入一段时间。未做任何更改。请在它完成后再次导入。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/worker.py" line="101" />
      <source>The import stopped because of an unexpected error ({0}). Nothing was changed.</source>
      <translation>导入因意外错误而中止（{0}）。未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/worker.py" line="111" />
      <source>The file could not be imported; nothing was changed.</source>
      <translation>无法导入该文件，未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/worker.py" line="112" />
      <source>{0} files could not be imported; nothing was changed.</source>
      <translation>{0} 个文件无法导入，未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/worker.py" line="114" />
      <source>The other files were not imported either: import them again without this one, or once it is mended.</source>
      <translation>其他文件也未导入：请去掉此文件后重新导入，或修复后再导入。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/worker.py" line="116" />
      <source>The other files were not imported either: import them again without these, or once they are mended.</source>
      <translation>其他文件也未导入：请去掉这些文件后重新导入，或修复后再导入。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="68" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="68" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="68" />
      <source>Companies</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="69" />
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="69" />
      <source>Activities</source>
      <translation>活动记录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="130" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="131" />
      <source>&amp;New contact…</source>
      <translation>新建联系人(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="133" />
      <source>New &amp;company…</source>
      <translation>新建公司(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="134" />
      <source>New &amp;opportunity…</source>
      <translation>新建商机(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="137" />
      <source>&amp;Import address book…</source>
      <translation>导入通讯录(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="138" />
      <location filename="../../ui/main_window.py" line="271" />
      <source>&amp;Undo the last import…</source>
      <translation>撤销上一次导入(&amp;U)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="144" />
      <source>&amp;Paste contacts</source>
      <translation>粘贴联系人(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="146" />
      <source>&amp;Export contacts…</source>
      <translation>导出联系人(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="147" />
      <location filename="../../ui/main_window.py" line="327" />
      <source>Export the se&amp;lection…</source>
      <translation>导出所选(&amp;L)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="149" />
      <source>&amp;Scan business cards…</source>
      <translation>扫描名片(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="150" />
      <source>Scan a &amp;folder of business cards…</source>
      <translation>扫描名片文件夹(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="151" />
      <source>Scan card with ca&amp;mera…</source>
      <translation>用摄像头扫描名片(&amp;M)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="152" />
      <source>Load &amp;sample data</source>
      <translation>加载示例数据(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="154" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="156" />
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="157" />
      <source>&amp;Search…</source>
      <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="160" />
      <source>&amp;Today</source>
      <translation>今天(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="160" />
      <source>&amp;Contacts</source>
      <translation>联系人(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="161" />
      <source>C&amp;ompanies</source>
      <translation>公司(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="161" />
      <source>O&amp;pportunities</source>
      <translation>商机(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="162" />
      <source>&amp;Activities</source>
      <translation>活动记录(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="165" />
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="166" />
      <source>Find &amp;duplicates…</source>
      <translation>查找重复项(&amp;D)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="168" />
      <source>S&amp;ync settings…</source>
      <translation>同步设置(&amp;Y)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="169" />
      <source>Sync &amp;conflicts…</source>
      <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="171" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="172" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="173" />
      <source>&amp;About Satchel</source>
      <translation>关于 Satchel(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="183" />
      <source>Sync status unavailable: {0}</source>
      <translation>同步状态不可用：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="198" />
      <source>That record no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="206" />
      <source>{0} contacts selected: right-click them to export or delete them.</source>
      <translation>已选中 {0} 位联系人：右键单击可导出或删除。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="207" />
      <source>None of those contacts is in the list any more.</source>
      <translation>这些联系人都已不在列表中。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="227" />
      <source>Contact saved.</source>
      <translation>联系人已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="228" />
      <source>Already known: the existing contact was updated.</source>
      <translation>已有此人：已更新现有联系人。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="229" />
      <source>Already known: nothing new to add.</source>
      <translation>已有此人：没有新信息。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="232" />
      <source>Joined an existing company.</source>
      <translation>已归入现有公司。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="246" />
      <location filename="../../ui/main_window.py" line="254" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="250" />
      <source>Import address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="251" />
      <source>Address books ({0});;All files (*)</source>
      <translation>通讯录 ({0});;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="270" />
      <source>&amp;Undo the import of {0}…</source>
      <translation>撤销 {0} 的导入(&amp;U)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="277" />
      <source>Undo the last import</source>
      <translation>撤销上一次导入</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="285" />
      <source>Pasted contacts</source>
      <translation>粘贴的联系人</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="287" />
      <source>The clipboard holds no contacts. Copy cards, rows of a sheet or e-mail addresses, then paste again.</source>
      <translation>剪贴板中没有联系人。请复制名片、表格中的行或电子邮件地址，然后再粘贴。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="312" />
      <source>Export contacts</source>
      <translation>导出联系人</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="336" />
      <location filename="../../ui/main_window.py" line="343" />
      <location filename="../../ui/main_window.py" line="353" />
      <source>Business cards</source>
      <translation>名片</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="340" />
      <location filename="../../ui/main_window.py" line="403" />
      <source>Scan business cards</source>
      <translation>扫描名片</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="341" />
      <source>Images ({0});;All files (*)</source>
      <translation>图片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="347" />
      <source>Scan a folder of business cards</source>
      <translation>扫描名片文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="360" />
      <location filename="../../ui/main_window.py" line="366" />
      <source>Sample data</source>
      <translation>示例数据</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="361" />
      <source>The sample data is already in this database.</source>
      <translation>示例数据已在此数据库中。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="367" />
      <source>The sample data could not be loaded ({0}). Nothing was changed.</source>
      <translation>无法加载示例数据（{0}）。没有做任何更改。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="370" />
      <source>Sample data loaded: {0} companies, {1} contacts, {2} opportunities.</source>
      <translation>已加载示例数据：{0} 家公司、{1} 位联系人、{2} 个商机。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="376" />
      <location filename="../../ui/main_window.py" line="381" />
      <location filename="../../ui/main_window.py" line="404" />
      <source>Find duplicates</source>
      <translation>查找重复项</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="385" />
      <source>Sync settings</source>
      <translation>同步设置</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="389" />
      <source>Sync conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="393" />
      <source>Search everything; paste a phone number to see who calls</source>
      <translation>搜索全部内容；粘贴电话号码即可查看来电者</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="394" />
      <source>New contact</source>
      <translation>新建联系人</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="395" />
      <source>New company</source>
      <translation>新建公司</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="396" />
      <source>New opportunity</source>
      <translation>新建商机</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="397" />
      <source>Today, Contacts, Companies, Opportunities, Activities</source>
      <translation>今天、联系人、公司、商机、活动记录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="399" />
      <source>Import an address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="400" />
      <source>Paste contacts: copied cards, rows of a sheet, e-mail addresses</source>
      <translation>粘贴联系人：复制的名片、表格中的行、电子邮件地址</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="402" />
      <source>Export contacts (vCard, CSV, Excel)</source>
      <translation>导出联系人（vCard、CSV、Excel）</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="405" />
      <source>Open or edit the selected row</source>
      <translation>打开或编辑选中的行</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="408" />
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="411" />
      <source>About Satchel</source>
      <translation>关于 Satchel</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="412" />
      <source>&lt;b&gt;Satchel&lt;/b&gt;&lt;br&gt;The offline-first sales assistant.&lt;br&gt;Database: {0}</source>
      <translation>&lt;b&gt;Satchel&lt;/b&gt;&lt;br&gt;离线优先的销售助手。&lt;br&gt;数据库：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="426" />
      <source>Dropped contacts</source>
      <translation>拖入的联系人</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="428" />
      <source>What was dropped holds no contacts: drop address books, cards, rows of a sheet or e-mail addresses.</source>
      <translation>拖入的内容中没有联系人：请拖入通讯录文件、名片、表格中的行或电子邮件地址。</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="63" />
      <source>Merge companies</source>
      <translation>合并公司</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="64" />
      <source>Merge contacts</source>
      <translation>合并联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="70" />
      <source>Keep:</source>
      <translation>保留：</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="74" />
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="83" />
      <source>The other one is merged into it: its contacts, opportunities and activities move over and it disappears from lists. You can undo the merge afterwards.</source>
      <translation>另一条记录将合并到这条记录中：其联系人、商机和活动记录都会转移过来，它本身将不再出现在列表中。合并之后可以撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="105" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="107" />
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="151" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="170" />
      <source>Both kept: {0}</source>
      <translation>两者均保留：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="190" />
      <source>Both, one after the other</source>
      <translation>两者都保留，依次排列</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="196" />
      <source>Same on both: {0}</source>
      <translation>两边相同：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/merge_dialog.py" line="225" />
      <source>Nothing was merged: {0}</source>
      <translation>未合并任何内容：{0}</translation>
    </message>
  </context>
  <context>
    <name>OpportunitiesView</name>
    <message>
      <location filename="../../ui/views/pipeline.py" line="26" />
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../ui/views/pipeline.py" line="27" />
      <source>New opportunity…</source>
      <translation>新建商机…</translation>
    </message>
    <message>
      <location filename="../../ui/views/pipeline.py" line="36" />
      <source>No opportunities yet. Track a deal with “New opportunity…” (Ctrl+Shift+O).</source>
      <translation>还没有商机。用“新建商机…”（Ctrl+Shift+O）跟踪一笔生意。</translation>
    </message>
    <message>
      <location filename="../../ui/views/pipeline.py" line="57" />
      <source>{0} open</source>
      <translation>{0} 个进行中</translation>
    </message>
    <message>
      <location filename="../../ui/views/pipeline.py" line="65" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/views/pipeline.py" line="66" />
      <source>Delete the opportunity “{0}”?</source>
      <translation>删除商机“{0}”？</translation>
    </message>
  </context>
  <context>
    <name>OpportunityDialog</name>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="53" />
      <source>Edit opportunity</source>
      <translation>编辑商机</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="54" />
      <source>New opportunity</source>
      <translation>新建商机</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="87" />
      <source>&amp;Title</source>
      <translation>名称(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="88" />
      <source>&amp;Company</source>
      <translation>公司(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="89" />
      <source>&amp;Stage</source>
      <translation>阶段(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="91" />
      <source>&amp;Amount</source>
      <translation>金额(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="92" />
      <source>C&amp;lose date</source>
      <translation>预计成交日期(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="93" />
      <source>&amp;Note</source>
      <translation>备注(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="128" />
      <source>The amount must be a number, e.g. 12500.</source>
      <translation>金额必须是数字，例如 12500。</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/opportunity.py" line="139" />
      <source>An opportunity needs a title.</source>
      <translation>商机需要一个名称。</translation>
    </message>
  </context>
  <context>
    <name>QuickAddDialog</name>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="43" />
      <source>New contact</source>
      <translation>新建联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="46" />
      <source>Full name, e.g. Emma Thompson or 张伟</source>
      <translation>全名，例如 张伟 或 Emma Thompson</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="48" />
      <source>Start typing: known companies are suggested</source>
      <translation>开始输入：会提示已有的公司</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="52" />
      <source>Any format; several: separate with ;</source>
      <translation>任意格式；多个号码用 ; 分隔</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="60" />
      <source>&amp;Name</source>
      <translation>姓名(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="61" />
      <source>&amp;Company</source>
      <translation>公司(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="63" />
      <source>&amp;Title</source>
      <translation>职位(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="64" />
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="65" />
      <source>&amp;E-mail</source>
      <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="66" />
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="100" />
      <source>1 contact</source>
      <translation>1 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="100" />
      <source>{0} contacts</source>
      <translation>{0} 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="102" />
      <source>Joins {0} ({1}). Its address is filled in.</source>
      <translation>归入 {0}（{1}），已填入其地址。</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="104" />
      <source>Joins {0} ({1}).</source>
      <translation>归入 {0}（{1}）。</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/quick_add.py" line="114" />
      <source>New company: it will be created.</source>
      <translation>新公司：保存时将创建。</translation>
    </message>
  </context>
  <context>
    <name>RecordListView</name>
    <message>
      <location filename="../../ui/views/records.py" line="143" />
      <source>{0} · {1} selected</source>
      <translation>{0} · 已选 {1}</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="198" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="208" />
      <location filename="../../ui/views/records.py" line="220" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="215" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/views/records.py" line="221" />
      <source>Nothing was deleted: {0}</source>
      <translation>未删除任何内容：{0}</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <location filename="../../ui/dedup/review.py" line="54" />
      <source>Find duplicates</source>
      <translation>查找重复项</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="70" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="120" />
      <source>No duplicates found</source>
      <translation>未发现重复项</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="125" />
      <source>Every company and every contact appears only once. New entries are checked as you type them, so it should stay that way.</source>
      <translation>每家公司和每位联系人都只出现一次。新录入的内容会在输入时自动检查，因此会一直保持这样。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="139" />
      <source>Undo merge</source>
      <translation>撤销合并</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="141" />
      <source>Bring the merged record back (Ctrl+Z)</source>
      <translation>恢复被合并的记录 (Ctrl+Z)</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="144" />
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="146" />
      <source>Decide later (S)</source>
      <translation>稍后再决定 (S)</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="148" />
      <source>Not the same</source>
      <translation>不是重复</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="150" />
      <source>These are different; never suggest them again (N)</source>
      <translation>两者不同，不再提示 (N)</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="153" />
      <source>Merge…</source>
      <translation>合并…</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="155" />
      <source>Choose what to keep and merge the two (M)</source>
      <translation>选择要保留的内容并合并两者 (M)</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="158" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="180" />
      <source>Looking for duplicates…</source>
      <translation>正在查找重复项…</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="212" />
      <source>The search for duplicates stopped ({0}). Nothing was changed; close this window and try again.</source>
      <translation>查找重复项已中止（{0}）。未做任何更改，请关闭此窗口后重试。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="219" />
      <source>Stopped. Nothing was changed; open Find duplicates again to search the whole database.</source>
      <translation>已停止，未做任何更改。再次打开“查找重复项”即可搜索整个数据库。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="225" />
      <location filename="../../ui/dedup/review.py" line="226" />
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="248" />
      <source>1 pair to review.</source>
      <translation>还有 1 组待处理。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="249" />
      <source>{0} pairs to review.</source>
      <translation>还有 {0} 组待处理。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="251" />
      <source>All pairs reviewed.</source>
      <translation>所有重复项都已处理。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="269" />
      <source>One of these records was deleted or merged in the meantime; skip this pair.</source>
      <translation>其中一条记录已被删除或合并，请跳过这一组。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="272" />
      <source>similar</source>
      <translation>相似</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="273" />
      <source>{0} · {1} likely the same: {2}</source>
      <translation>{0} · {1} 可能重复：{2}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="277" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="286" />
      <source>Linked</source>
      <translation>关联记录</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="323" />
      <source>Skipped.</source>
      <translation>已跳过。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="337" />
      <source>Could not remember that: {0}</source>
      <translation>无法保存此选择：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="340" />
      <source>Noted: “{0}” and “{1}” are different; they will not be suggested again.</source>
      <translation>已记录：“{0}”和“{1}”不是重复项，以后不会再提示。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="353" />
      <source>That pair changed in the meantime and was taken off the list.</source>
      <translation>这一组记录已发生变化，已从列表中移除。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="366" />
      <source>Merged “{0}” into “{1}”.</source>
      <translation>已将“{0}”合并到“{1}”。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="381" />
      <source>The merge could not be undone: {0}</source>
      <translation>无法撤销合并：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="392" />
      <source>Undone: “{0}” is back.</source>
      <translation>已撤销：“{0}”已恢复。</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/review.py" line="394" />
      <source>Fields edited after the merge kept their new value: {0}.</source>
      <translation>合并后修改过的字段保留了新值：{0}。</translation>
    </message>
  </context>
  <context>
    <name>ReviewWidget</name>
    <message>
      <location filename="../../ui/cards/review.py" line="130" />
      <source>Join “{0}” instead</source>
      <translation>改为归入“{0}”</translation>
    </message>
  </context>
  <context>
    <name>ScanDialog</name>
    <message>
      <location filename="../../ui/cards/dialog.py" line="47" />
      <source>Scan business cards</source>
      <translation>扫描名片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="55" />
      <source>Read %v of %m files</source>
      <translation>已读取 %v / %m 个文件</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="60" />
      <source>Reading the card…</source>
      <translation>正在识别名片…</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="69" />
      <source>Merge with previous card</source>
      <translation>与上一张名片合并</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="71" />
      <source>This photo shows the back of the previous card: make one contact of both sides</source>
      <translation>这是上一张名片的背面：将正反两面合并为一位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="73" />
      <source>Back</source>
      <translation>上一张</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="74" />
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="75" />
      <location filename="../../ui/cards/dialog.py" line="244" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="76" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="79" />
      <source>Save this contact and show the next card (Ctrl+Enter)</source>
      <translation>保存此联系人并显示下一张名片 (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="81" />
      <source>Do not save this card; show the next one</source>
      <translation>不保存这张名片，显示下一张</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="190" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="195" />
      <source>Saved {0} as a new contact.</source>
      <translation>已将 {0} 保存为新联系人。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="196" />
      <source>{0} was already known: new details added.</source>
      <translation>{0} 已存在：已添加新信息。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="197" />
      <source>{0} was already known: nothing new.</source>
      <translation>{0} 已存在：没有新信息。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="199" />
      <source>the contact</source>
      <translation>该联系人</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="201" />
      <source>Joined an existing company.</source>
      <translation>已归入现有公司。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="211" />
      <source>Done</source>
      <translation>全部完成</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="212" />
      <source>Card {0}</source>
      <translation>第 {0} 张名片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="214" />
      <source>(scanner)</source>
      <translation>（扫描仪）</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="216" />
      <source>Card {0} of {1}{2} · {3}</source>
      <translation>第 {0} 张，共 {1}{2} 张 · {3}</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="218" />
      <source>(card {0} in this file)</source>
      <translation>（此文件中的第 {0} 张）</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="220" />
      <source>saved</source>
      <translation>已保存</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="243" />
      <source>Save again</source>
      <translation>再次保存</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="257" />
      <source>No image files were found. Choose JPEG, PNG, TIFF, BMP, WebP or HEIC photos of the cards, or a folder of them.</source>
      <translation>未找到图片文件。请选择名片的 JPEG、PNG、TIFF、BMP、WebP 或 HEIC 照片，或包含这些照片的文件夹。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="259" />
      <source>All cards done: {0} saved, {1} skipped, {2} file(s) could not be read.</source>
      <translation>所有名片已处理完毕：保存 {0} 张，跳过 {1} 张，{2} 个文件无法读取。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="262" />
      <source>{0} back side(s) joined to their front.</source>
      <translation>{0} 张名片背面已与正面合并。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="279" />
      <source>Unreviewed cards</source>
      <translation>未核对的名片</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="280" />
      <source>Close and discard 1 unreviewed card?</source>
      <translation>关闭并放弃 1 张未核对的名片？</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="281" />
      <source>Close and discard {0} unreviewed cards?</source>
      <translation>关闭并放弃 {0} 张未核对的名片？</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="285" />
      <source>Read, but neither saved nor skipped. Contacts already saved stay saved.</source>
      <translation>已识别，但尚未保存或跳过。已保存的联系人不受影响。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="286" />
      <source>Files not read yet are dropped too.</source>
      <translation>尚未识别的文件也会一并放弃。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="287" />
      <source>Keep reviewing</source>
      <translation>继续核对</translation>
    </message>
    <message>
      <location filename="../../ui/cards/dialog.py" line="288" />
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
  </context>
  <context>
    <name>SearchPopup</name>
    <message>
      <location filename="../../ui/search_popup.py" line="48" />
      <source>Search people, companies, deals, notes — or paste a phone number</source>
      <translation>搜索联系人、公司、商机、笔记，或粘贴电话号码</translation>
    </message>
    <message>
      <location filename="../../ui/search_popup.py" line="75" />
      <location filename="../../ui/search_popup.py" line="94" />
      <source>Type a name, a company, an e-mail or a phone number.</source>
      <translation>输入姓名、公司、邮箱或电话号码。</translation>
    </message>
    <message>
      <location filename="../../ui/search_popup.py" line="121" />
      <source>The first {0} — type more to narrow; ↑↓ to choose, Enter to open</source>
      <translation>前 {0} 条，输入更多以缩小范围；↑↓ 选择，回车打开</translation>
    </message>
    <message>
      <location filename="../../ui/search_popup.py" line="124" />
      <source>{0} found — ↑↓ to choose, Enter to open</source>
      <translation>找到 {0} 条，↑↓ 选择，回车打开</translation>
    </message>
    <message>
      <location filename="../../ui/search_popup.py" line="127" />
      <source>1 found — Enter to open</source>
      <translation>找到 1 条，回车打开</translation>
    </message>
    <message>
      <location filename="../../ui/search_popup.py" line="129" />
      <source>Who is calling:</source>
      <translation>来电者：</translation>
    </message>
    <message>
      <location filename="../../ui/search_popup.py" line="131" />
      <source>Nothing matches “{0}”.</source>
      <translation>没有与“{0}”匹配的内容。</translation>
    </message>
  </context>
  <context>
    <name>SyncRunner</name>
    <message>
      <location filename="../../ui/sync/worker.py" line="66" />
      <source>Sync failed unexpectedly ({0}: {1}). Your data is safe; try again.</source>
      <translation>同步意外失败（{0}：{1}）。您的数据安全无损，请重试。</translation>
    </message>
  </context>
  <context>
    <name>SyncSettingsDialog</name>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="25" />
      <source>Sync settings</source>
      <translation>同步设置</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="31" />
      <source>from your HQ administrator</source>
      <translation>由总部管理员提供</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="34" />
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="36" />
      <source>Satchel sends your changes to HQ and receives your team's in the background. You can keep working offline.</source>
      <translation>Satchel 会在后台将您的修改发送到总部，并接收团队的修改。离线时也可以照常工作。</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="45" />
      <source>HQ address</source>
      <translation>总部服务器地址</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="46" />
      <source>Device token</source>
      <translation>设备令牌</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="47" />
      <source>Sync every</source>
      <translation>同步间隔</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="62" />
      <source>Enter the device token HQ gave you.</source>
      <translation>请输入总部提供的设备令牌。</translation>
    </message>
    <message>
      <location filename="../../ui/sync/settings_dialog.py" line="67" />
      <source>The HQ address must start with http:// or https://.</source>
      <translation>总部服务器地址必须以 http:// 或 https:// 开头。</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusWidget</name>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="41" />
      <source>Changes of yours replaced by newer ones: review and restore</source>
      <translation>您的部分修改已被更新的修改覆盖：查看并恢复</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="46" />
      <location filename="../../ui/sync/status_widget.py" line="120" />
      <location filename="../../ui/sync/status_widget.py" line="126" />
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="111" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="115" />
      <source>Sending changes… {0}</source>
      <translation>正在发送修改…{0}</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="116" />
      <source>Receiving changes… {0}</source>
      <translation>正在接收修改…{0}</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="134" />
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="136" />
      <source>Sync not set up</source>
      <translation>未设置同步</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="138" />
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="140" />
      <source>Sync refused: check your token</source>
      <translation>同步被拒绝：请检查设备令牌</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="142" />
      <source>Update Satchel to sync</source>
      <translation>请升级 Satchel 后再同步</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="144" />
      <source>Sync failed</source>
      <translation>同步失败</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="146" />
      <source>Never synced</source>
      <translation>从未同步</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="148" />
      <source>Synced {0}</source>
      <translation>已同步（{0}）</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="150" />
      <source>1 change to send</source>
      <translation>1 项修改待发送</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="151" />
      <source>{0} changes to send</source>
      <translation>{0} 项修改待发送</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="155" />
      <source>Last sync: {0}</source>
      <translation>上次同步：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="159" />
      <source>1 conflict</source>
      <translation>1 个冲突</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="160" />
      <source>{0} conflicts</source>
      <translation>{0} 个冲突</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="167" />
      <source>just now</source>
      <translation>刚刚</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="169" />
      <source>{0} min ago</source>
      <translation>{0} 分钟前</translation>
    </message>
    <message>
      <location filename="../../ui/sync/status_widget.py" line="171" />
      <source>{0} h ago</source>
      <translation>{0} 小时前</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <location filename="../../ui/views/today.py" line="80" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="83" />
      <location filename="../../ui/views/today.py" line="182" />
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="89" />
      <source>Nothing due this week. Add a task below, or enjoy the quiet.</source>
      <translation>本周没有到期任务。可以在下方添加，或享受片刻清闲。</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="90" />
      <source>Add a task and press Enter</source>
      <translation>输入任务后按回车</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="93" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="106" />
      <source>Daily note</source>
      <translation>今日笔记</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="110" />
      <source>What happened today? Visits, calls, ideas… It is saved as you type.</source>
      <translation>今天发生了什么？拜访、电话、想法……输入时自动保存。</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="159" />
      <location filename="../../ui/views/today.py" line="172" />
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="160" />
      <source>Due today</source>
      <translation>今天到期</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="161" />
      <source>Coming up</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="181" />
      <source>Tasks  ({0} due)</source>
      <translation>任务（{0} 项到期）</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="229" />
      <source>Editing…</source>
      <translation>正在编辑…</translation>
    </message>
    <message>
      <location filename="../../ui/views/today.py" line="250" />
      <source>Saved</source>
      <translation>已保存</translation>
    </message>
  </context>
  <context>
    <name>ValueRow</name>
    <message>
      <location filename="../../ui/cards/fields.py" line="91" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>CardFields</name>
    <message>
      <location filename="../../ui/cards/fields.py" line="41" />
      <source>Checked by you.</source>
      <translation>已由您核对。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="43" />
      <source>Read with {0}% confidence: please check it against the card.</source>
      <translation>识别可信度 {0}%：请对照名片核对。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/fields.py" line="46" />
      <source>Read with {0}% confidence.</source>
      <translation>识别可信度 {0}%。</translation>
    </message>
  </context>
  <context>
    <name>CardMatches</name>
    <message>
      <location filename="../../ui/cards/matches.py" line="54" />
      <location filename="../../ui/detail_html.py" line="113" />
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <location filename="../../ui/cards/matches.py" line="64" />
      <source>Already in Satchel: &lt;b&gt;{0}&lt;/b&gt; (Save adds what is new to that contact)</source>
      <translation>Satchel 中已有：&lt;b&gt;{0}&lt;/b&gt;（保存时会将新信息添加到该联系人）</translation>
    </message>
    <message>
      <location filename="../../ui/cards/matches.py" line="67" />
      <source>Joins the existing company &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>归入现有公司 &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/cards/matches.py" line="70" />
      <source>A similar company exists: &lt;b&gt;{0}&lt;/b&gt;. Save creates a new company unless you use that one.</source>
      <translation>已有相似的公司：&lt;b&gt;{0}&lt;/b&gt;。除非选用该公司，否则保存时会新建公司。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/matches.py" line="73" />
      <source>New company: &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>新公司：&lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/cards/matches.py" line="75" />
      <source>New contact.</source>
      <translation>新联系人。</translation>
    </message>
  </context>
  <context>
    <name>Detail</name>
    <message>
      <location filename="../../ui/cards/matches.py" line="54" />
      <location filename="../../ui/detail_html.py" line="113" />
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/detail_html.py" line="103" />
      <location filename="../../ui/field_names.py" line="19" />
      <location filename="../../ui/table_models.py" line="24" />
      <location filename="../../ui/table_models.py" line="32" />
      <location filename="../../ui/table_models.py" line="41" />
      <location filename="../../ui/table_models.py" line="54" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="53" />
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="56" />
      <source>No opportunities yet.</source>
      <translation>还没有商机。</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="67" />
      <source>History</source>
      <translation>往来记录</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="70" />
      <source>Nothing yet. Notes, calls, meetings and tasks appear here, newest first.</source>
      <translation>暂无记录。笔记、电话、会议和任务会按时间倒序显示在这里。</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="99" />
      <source>Company address (from {0})</source>
      <translation>公司地址（来自 {0}）</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="104" />
      <location filename="../../ui/detail_html.py" line="126" />
      <location filename="../../ui/detail_html.py" line="160" />
      <location filename="../../ui/field_names.py" line="22" />
      <location filename="../../ui/table_models.py" line="26" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="105" />
      <location filename="../../ui/detail_html.py" line="161" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="107" />
      <location filename="../../ui/detail_html.py" line="125" />
      <location filename="../../ui/detail_html.py" line="162" />
      <location filename="../../ui/field_names.py" line="21" />
      <location filename="../../ui/table_models.py" line="34" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="108" />
      <location filename="../../ui/detail_html.py" line="127" />
      <location filename="../../ui/field_names.py" line="23" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="109" />
      <location filename="../../ui/field_names.py" line="21" />
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="110" />
      <location filename="../../ui/detail_html.py" line="128" />
      <location filename="../../ui/field_names.py" line="23" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="111" />
      <location filename="../../ui/detail_html.py" line="129" />
      <location filename="../../ui/field_names.py" line="21" />
      <location filename="../../ui/format.py" line="24" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="113" />
      <source>Business card</source>
      <translation>名片</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="131" />
      <location filename="../../ui/table_models.py" line="33" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="139" />
      <source>and {0} more</source>
      <translation>还有 {0} 位</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="142" />
      <source>No contacts at this company yet.</source>
      <translation>这家公司还没有联系人。</translation>
    </message>
  </context>
  <context>
    <name>CardWorker</name>
    <message>
      <location filename="../../ui/cards/worker.py" line="29" />
      <source>Reading the cards stopped because of an unexpected error ({0}).</source>
      <translation>名片识别因意外错误而中止（{0}）。</translation>
    </message>
    <message>
      <location filename="../../ui/cards/worker.py" line="96" />
      <source>{0}: could not be read ({1}); try another photo of the card.</source>
      <translation>{0}：无法读取（{1}）；请换一张名片照片再试。</translation>
    </message>
  </context>
  <context>
    <name>Dedup</name>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/detail_html.py" line="103" />
      <location filename="../../ui/field_names.py" line="19" />
      <location filename="../../ui/table_models.py" line="24" />
      <location filename="../../ui/table_models.py" line="32" />
      <location filename="../../ui/table_models.py" line="41" />
      <location filename="../../ui/table_models.py" line="54" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/field_names.py" line="20" />
      <location filename="../../ui/table_models.py" line="53" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="23" />
      <location filename="../../ui/importing/undo.py" line="72" />
      <source>1 contact</source>
      <translation>1 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="23" />
      <location filename="../../ui/importing/undo.py" line="73" />
      <source>{0} contacts</source>
      <translation>{0} 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="24" />
      <source>1 opportunity</source>
      <translation>1 个商机</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="24" />
      <source>{0} opportunities</source>
      <translation>{0} 个商机</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="25" />
      <source>1 activity</source>
      <translation>1 条活动记录</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="25" />
      <source>{0} activities</source>
      <translation>{0} 条活动记录</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="34" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="40" />
      <source>same name</source>
      <translation>名称相同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="41" />
      <source>same name, other word order</source>
      <translation>名称相同，词序不同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="42" />
      <source>same name at the same company</source>
      <translation>同一公司中姓名相同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="43" />
      <source>abbreviation</source>
      <translation>缩写</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="44" />
      <source>short name {0}</source>
      <translation>简称 {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="45" />
      <source>name {0}% similar</source>
      <translation>名称相似度 {0}%</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="46" />
      <source>transliterated name {0}% similar</source>
      <translation>音译名称相似度 {0}%</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="47" />
      <source>same domain {0}</source>
      <translation>域名相同 {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="48" />
      <source>different web domains</source>
      <translation>网站域名不同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="49" />
      <source>same phone {0}</source>
      <translation>电话相同 {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="50" />
      <source>same e-mail {0}</source>
      <translation>邮箱相同 {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="51" />
      <source>same address</source>
      <translation>地址相同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="52" />
      <source>same postcode</source>
      <translation>邮政编码相同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="53" />
      <source>different address</source>
      <translation>地址不同</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="54" />
      <source>different address ({0})</source>
      <translation>地址不同（{0}）</translation>
    </message>
  </context>
  <context>
    <name>FieldNames</name>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/detail_html.py" line="103" />
      <location filename="../../ui/field_names.py" line="19" />
      <location filename="../../ui/table_models.py" line="24" />
      <location filename="../../ui/table_models.py" line="32" />
      <location filename="../../ui/table_models.py" line="41" />
      <location filename="../../ui/table_models.py" line="54" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/field_names.py" line="20" />
      <location filename="../../ui/table_models.py" line="53" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="104" />
      <location filename="../../ui/detail_html.py" line="126" />
      <location filename="../../ui/detail_html.py" line="160" />
      <location filename="../../ui/field_names.py" line="22" />
      <location filename="../../ui/table_models.py" line="26" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="107" />
      <location filename="../../ui/detail_html.py" line="125" />
      <location filename="../../ui/detail_html.py" line="162" />
      <location filename="../../ui/field_names.py" line="21" />
      <location filename="../../ui/table_models.py" line="34" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="108" />
      <location filename="../../ui/detail_html.py" line="127" />
      <location filename="../../ui/field_names.py" line="23" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="109" />
      <location filename="../../ui/field_names.py" line="21" />
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="110" />
      <location filename="../../ui/detail_html.py" line="128" />
      <location filename="../../ui/field_names.py" line="23" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="111" />
      <location filename="../../ui/detail_html.py" line="129" />
      <location filename="../../ui/field_names.py" line="21" />
      <location filename="../../ui/format.py" line="24" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="16" />
      <source>Opportunity name</source>
      <translation>商机名称</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="18" />
      <location filename="../../ui/table_models.py" line="23" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="18" />
      <source>Family name</source>
      <translation>姓</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="18" />
      <source>Given name</source>
      <translation>名</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="19" />
      <location filename="../../ui/table_models.py" line="25" />
      <source>Title</source>
      <translation>职位</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="19" />
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="20" />
      <location filename="../../ui/table_models.py" line="40" />
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="22" />
      <source>E-mails</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="22" />
      <source>Phones</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="23" />
      <source>Websites</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="24" />
      <source>Deleted</source>
      <translation>已删除</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="24" />
      <source>Merged into</source>
      <translation>合并到</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="24" />
      <location filename="../../ui/table_models.py" line="43" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="25" />
      <source>Currency</source>
      <translation>币种</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="25" />
      <location filename="../../ui/table_models.py" line="42" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="25" />
      <location filename="../../ui/table_models.py" line="44" />
      <source>Close date</source>
      <translation>预计成交日期</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="26" />
      <location filename="../../ui/table_models.py" line="52" />
      <source>Subject</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="26" />
      <source>Text</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="26" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="26" />
      <location filename="../../ui/table_models.py" line="51" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="27" />
      <location filename="../../ui/table_models.py" line="50" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="27" />
      <source>Due date</source>
      <translation>截止日期</translation>
    </message>
  </context>
  <context>
    <name>TableModels</name>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/detail_html.py" line="103" />
      <location filename="../../ui/field_names.py" line="19" />
      <location filename="../../ui/table_models.py" line="24" />
      <location filename="../../ui/table_models.py" line="32" />
      <location filename="../../ui/table_models.py" line="41" />
      <location filename="../../ui/table_models.py" line="54" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="16" />
      <location filename="../../ui/field_names.py" line="20" />
      <location filename="../../ui/table_models.py" line="53" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="104" />
      <location filename="../../ui/detail_html.py" line="126" />
      <location filename="../../ui/detail_html.py" line="160" />
      <location filename="../../ui/field_names.py" line="22" />
      <location filename="../../ui/table_models.py" line="26" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="107" />
      <location filename="../../ui/detail_html.py" line="125" />
      <location filename="../../ui/detail_html.py" line="162" />
      <location filename="../../ui/field_names.py" line="21" />
      <location filename="../../ui/table_models.py" line="34" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../ui/detail_html.py" line="131" />
      <location filename="../../ui/table_models.py" line="33" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="18" />
      <location filename="../../ui/table_models.py" line="23" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="19" />
      <location filename="../../ui/table_models.py" line="25" />
      <source>Title</source>
      <translation>职位</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="20" />
      <location filename="../../ui/table_models.py" line="40" />
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="24" />
      <location filename="../../ui/table_models.py" line="43" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="25" />
      <location filename="../../ui/table_models.py" line="42" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="25" />
      <location filename="../../ui/table_models.py" line="44" />
      <source>Close date</source>
      <translation>预计成交</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="26" />
      <location filename="../../ui/table_models.py" line="52" />
      <source>Subject</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="26" />
      <location filename="../../ui/table_models.py" line="51" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../ui/field_names.py" line="27" />
      <location filename="../../ui/table_models.py" line="50" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../ui/table_models.py" line="59" />
      <source>due {0}</source>
      <translation>{0} 到期</translation>
    </message>
  </context>
  <context>
    <name>ImportUndo</name>
    <message>
      <location filename="../../ui/dedup/fields.py" line="23" />
      <location filename="../../ui/importing/undo.py" line="72" />
      <source>1 contact</source>
      <translation>1 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/dedup/fields.py" line="23" />
      <location filename="../../ui/importing/undo.py" line="73" />
      <source>{0} contacts</source>
      <translation>{0} 位联系人</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="28" />
      <source>This import was undone already.</source>
      <translation>这次导入已经撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="34" />
      <source>Undo this import?</source>
      <translation>撤销这次导入？</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="36" />
      <source> What it added is deleted: {0}.</source>
      <translation>它新增的记录将被删除：{0}。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="38" />
      <source> What it changed gets its earlier values back: {0}.</source>
      <translation>它更改的记录将恢复原来的内容：{0}。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="40" />
      <source> Edits made since stay.</source>
      <translation>之后所做的修改会保留。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="41" />
      <location filename="../../ui/importing/undo.py" line="53" />
      <source>Undo this import</source>
      <translation>撤销这次导入</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="48" />
      <source>Undoing the import…</source>
      <translation>正在撤销导入…</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="48" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="54" />
      <source>The import was not undone: {0}</source>
      <translation>导入未能撤销：{0}</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="57" />
      <source>Import undone.</source>
      <translation>导入已撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="59" />
      <source> Deleted: {0}.</source>
      <translation>已删除：{0}。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="61" />
      <source> Earlier values restored for {0}.</source>
      <translation>已恢复原来内容：{0}。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="63" />
      <source> A field edited since the import stays as it is.</source>
      <translation>导入之后修改过的 1 个字段保持不变。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="65" />
      <source> {0} fields edited since the import stay as they are.</source>
      <translation>导入之后修改过的 {0} 个字段保持不变。</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="74" />
      <source>1 company</source>
      <translation>1 家公司</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="75" />
      <source>{0} companies</source>
      <translation>{0} 家公司</translation>
    </message>
    <message>
      <location filename="../../ui/importing/undo.py" line="77" />
      <source>{0} and {1}</source>
      <translation>{0}和 {1}</translation>
    </message>
  </context>
  <context>
    <name>Format</name>
    <message>
      <location filename="../../ui/detail_html.py" line="111" />
      <location filename="../../ui/detail_html.py" line="129" />
      <location filename="../../ui/field_names.py" line="21" />
      <location filename="../../ui/format.py" line="24" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="19" />
      <source>Lead</source>
      <translation>线索</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="19" />
      <source>Qualified</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="19" />
      <source>Proposal</source>
      <translation>方案报价</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="20" />
      <source>Negotiation</source>
      <translation>谈判</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="20" />
      <source>Won</source>
      <translation>赢单</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="20" />
      <source>Lost</source>
      <translation>丢单</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="24" />
      <source>Call</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="24" />
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="24" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="28" />
      <source>mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="28" />
      <source>work</source>
      <translation>工作</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="28" />
      <source>home</source>
      <translation>住宅</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="28" />
      <source>fax</source>
      <translation>传真</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="29" />
      <source>other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="45" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="47" />
      <source>Yesterday</source>
      <translation>昨天</translation>
    </message>
    <message>
      <location filename="../../ui/format.py" line="49" />
      <source>Tomorrow</source>
      <translation>明天</translation>
    </message>
  </context>
  <context>
    <name>External</name>
    <message>
      <location filename="../../ui/external.py" line="40" />
      <source>{0} is not available in this build of Satchel. Update Satchel to use it.</source>
      <translation>此版本的 Satchel 不包含“{0}”。请更新 Satchel 后使用。</translation>
    </message>
    <message>
      <location filename="../../ui/external.py" line="48" />
      <source>{0} stopped because of an unexpected error ({1}). Your data was not changed by it; please report this.</source>
      <translation>“{0}”因意外错误（{1}）而中止。您的数据没有因此被更改；请报告此问题。</translation>
    </message>
  </context>
  <context>
    <name>ImportMessage</name>
    <message>
      <location filename="../../app/io/ahead.py" line="99" />
      <source>The import's reading process stopped unexpectedly (short of memory?); nothing was imported. Close other programs and try again.</source>
      <translation>导入的读取进程意外停止（内存不足？），未导入任何数据。请关闭其他程序后重试。</translation>
    </message>
    <message>
      <location filename="../../app/io/ahead.py" line="128" />
      <source>The import could not read its files ({error}). Nothing was imported.</source>
      <translation>导入无法读取这些文件（{error}），未导入任何数据。</translation>
    </message>
    <message>
      <location filename="../../app/io/apply.py" line="141" />
      <source>{file} is a folder without address books (vCard, CSV, LDIF or Excel files) Satchel can read in it. Choose the files, or the folder that holds them.</source>
      <translation>{file} 是一个文件夹，其中没有 Satchel 能读取的通讯录（vCard、CSV、LDIF 或 Excel 文件）。请选择通讯录文件，或存放它们的文件夹。</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="181" />
      <source>{file} is empty: there is nothing to import.</source>
      <translation>{file} 是空文件，没有可导入的内容。</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="183" />
      <source>a PNG image</source>
      <translation>PNG 图片</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="184" />
      <source>a JPEG image</source>
      <translation>JPEG 图片</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="185" />
      <source>a GIF image</source>
      <translation>GIF 图片</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="185" />
      <source>a PDF document</source>
      <translation>PDF 文档</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="186" />
      <source>a program</source>
      <translation>程序文件</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="187" />
      <source>a database</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="201" />
      <source>{file} has a line of {longest:,} characters: that is not an address book. Check that you chose the right file.</source>
      <translation>{file} 有一行长达 {longest:,} 个字符，这不是通讯录。请确认选择了正确的文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="215" />
      <source>{file} is a binary file, not an address book.</source>
      <translation>{file} 是二进制文件，不是通讯录。</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="189" />
      <source>{file} is {what}, not an address book. Choose a vCard (.vcf), CSV, LDIF or Excel (.xlsx, .xls) file.</source>
      <translation>{file} 是{what}，不是通讯录。请选择 vCard（.vcf）、CSV、LDIF 或 Excel（.xlsx、.xls）文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/decode.py" line="196" />
      <source>{file} is a binary file, not an address book. Choose a vCard (.vcf), CSV, LDIF or Excel (.xlsx, .xls) file.</source>
      <translation>{file} 是二进制文件，不是通讯录。请选择 vCard（.vcf）、CSV、LDIF 或 Excel（.xlsx、.xls）文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/errors.py" line="86" />
      <source>no name, e-mail or phone</source>
      <translation>没有姓名、邮箱或电话</translation>
    </message>
    <message>
      <location filename="../../app/io/ldif.py" line="43" />
      <source>{file}: this is not an LDIF file (no 'dn:' line).</source>
      <translation>{file}：这不是 LDIF 文件（没有“dn:”行）。</translation>
    </message>
    <message>
      <location filename="../../app/io/ldif.py" line="71" />
      <source>line without ':' ({line})</source>
      <translation>缺少“:”的行（{line}）</translation>
    </message>
    <message>
      <location filename="../../app/io/ldif.py" line="77" />
      <source>attribute {key} is not valid base64 UTF-8</source>
      <translation>属性 {key} 不是有效的 base64 UTF-8</translation>
    </message>
    <message>
      <location filename="../../app/io/ldif.py" line="53" />
      <source>no name</source>
      <translation>无名称</translation>
    </message>
    <message>
      <location filename="../../app/io/ldif.py" line="54" />
      <source>a mailing list ({name}), not a person: its members in this file get its name as a tag</source>
      <translation>邮件列表（{name}），不是联系人：本文件中的成员会加上以此为名的标签</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="65" />
      <source>{file} could not be read ({error}). Nothing was imported; check the file or export it again from your mail program.</source>
      <translation>无法读取 {file}（{error}），未导入任何数据。请检查该文件，或从邮件程序重新导出。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="256" />
      <source>{file} has no filled worksheet: there is nothing to import.</source>
      <translation>{file} 没有填有内容的工作表，没有可导入的内容。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="278" />
      <source>{file} is a zip file but not an Excel workbook ({error}).</source>
      <translation>{file} 是 zip 文件，但不是 Excel 工作簿（{error}）。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="268" />
      <source>{file} is an OpenDocument spreadsheet (LibreOffice, OpenOffice). Save it as Excel (.xlsx) or CSV there (File → Save As), then import that.</source>
      <translation>{file} 是 OpenDocument 电子表格（LibreOffice、OpenOffice）。请在其中另存为 Excel（.xlsx）或 CSV（文件 → 另存为），再导入该文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="272" />
      <source>{file} is an Apple Numbers spreadsheet. Export it as Excel or CSV in Numbers (File → Export To), then import that.</source>
      <translation>{file} 是 Apple Numbers 电子表格。请在 Numbers 中导出为 Excel 或 CSV（文件 → 导出为），再导入该文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="275" />
      <source>{file} is an Excel binary workbook (.xlsb), which Satchel cannot read. Save it as an Excel workbook (.xlsx) or CSV in Excel (File → Save As), then import that.</source>
      <translation>{file} 是 Excel 二进制工作簿（.xlsb），Satchel 无法读取。请在 Excel 中另存为 Excel 工作簿（.xlsx）或 CSV（文件 → 另存为），再导入该文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="207" />
      <source>{file} has no header row: there is nothing to import.</source>
      <translation>{file} 没有表头行，没有可导入的内容。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="211" />
      <source>{file} is not an address book: it has a single column and no recognizable format. Choose a vCard, CSV, LDIF or Excel file.</source>
      <translation>{file} 不是通讯录：它只有一列，格式也无法识别。请选择 vCard、CSV、LDIF 或 Excel 文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="293" />
      <source>{file} is protected with a password, so Satchel cannot read it. Open it in Excel or WPS with its password, save a copy without one (File → Info → Protect Workbook → Encrypt with Password, and clear it), then import that copy.</source>
      <translation>{file} 设有密码保护，Satchel 无法读取。请用 Excel 或 WPS 输入密码打开，另存一份不带密码的副本（文件 → 信息 → 保护工作簿 → 用密码进行加密，清除密码），再导入该副本。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="106" />
      <source>{file} does not exist.</source>
      <translation>{file} 不存在。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="108" />
      <source>{file} is a folder, not a file.</source>
      <translation>{file} 是文件夹，不是文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="110" />
      <source>{file} could not be read ({error}).</source>
      <translation>无法读取 {file}（{error}）。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="137" />
      <source>{file} is a zip archive without address books (vCard, CSV, LDIF or Excel files) in it.</source>
      <translation>{file} 是 zip 压缩包，其中没有通讯录（vCard、CSV、LDIF 或 Excel 文件）。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="140" />
      <source>{file} holds a file too big to be an address book (over {mb} MB unpacked).</source>
      <translation>{file} 内含的文件太大，不可能是通讯录（解压后超过 {mb} MB）。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="305" />
      <source>{file} is an Office 97–2003 file but not an Excel workbook Satchel can read ({error}). Open it in Excel or WPS and save it as .xlsx or CSV, then import that.</source>
      <translation>{file} 是 Office 97–2003 文件，但不是 Satchel 能读取的 Excel 工作簿（{error}）。请用 Excel 或 WPS 打开并另存为 .xlsx 或 CSV，再导入该文件。</translation>
    </message>
    <message>
      <location filename="../../app/io/reader.py" line="146" />
      <source>{file} is a damaged zip archive ({error}). Nothing was imported; download or save it again.</source>
      <translation>{file} 是损坏的 zip 压缩包（{error}），未导入任何数据。请重新下载或保存。</translation>
    </message>
    <message>
      <location filename="../../app/io/tabular.py" line="167" />
      <source>no value in any imported column</source>
      <translation>导入的各列均无内容</translation>
    </message>
    <message>
      <location filename="../../app/io/tabular.py" line="182" />
      <source>no company name</source>
      <translation>没有公司名称</translation>
    </message>
    <message>
      <location filename="../../app/io/vcard.py" line="62" />
      <source>no name, e-mail, phone or company</source>
      <translation>没有姓名、邮箱、电话或公司</translation>
    </message>
    <message>
      <location filename="../../app/io/vcard.py" line="66" />
      <source>unreadable card ({error})</source>
      <translation>无法读取的名片（{error}）</translation>
    </message>
    <message>
      <location filename="../../app/io/vcard.py" line="57" />
      <source>a contact group ({name}), not a person: its members in this file get its name as a tag</source>
      <translation>联系人分组（{name}），不是联系人：本文件中的组员会加上以此为名的标签</translation>
    </message>
    <message>
      <location filename="../../app/io/vcard.py" line="110" />
      <source>{file}: this is not a vCard file (it does not start with BEGIN:VCARD).</source>
      <translation>{file}：这不是 vCard 文件（开头不是 BEGIN:VCARD）。</translation>
    </message>
    <message>
      <location filename="../../app/io/vcard.py" line="217" />
      <source>card without END:VCARD (file cut short?)</source>
      <translation>名片缺少 END:VCARD（文件可能不完整）</translation>
    </message>
    <message>
      <location filename="../../app/io/vcard.py" line="204" />
      <source>card without END:VCARD</source>
      <translation>名片缺少 END:VCARD</translation>
    </message>
  </context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>ActivitiesView</name>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="25" />
      <source>Activities</source>
      <translation>活动记录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="27" />
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="32" />
      <source>Note…</source>
      <translation>笔记…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="32" />
      <source>Call…</source>
      <translation>电话…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="33" />
      <source>Meeting…</source>
      <translation>会议…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="33" />
      <source>Task…</source>
      <translation>任务…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="43" />
      <source>No activity yet. Log a call, a meeting or a note with the buttons above.</source>
      <translation>还没有活动记录。用上方的按钮记录电话、会议或笔记。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="56" />
      <source>latest {0}</source>
      <translation>最近 {0} 条</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="75" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/activities.py" line="75" />
      <source>Delete this {0}?</source>
      <translation>删除这条{0}？</translation>
    </message>
  </context>
  <context>
    <name>ActivityDialog</name>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="69" />
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="72" />
      <source>Contact or company (optional): start typing</source>
      <translation>联系人或公司（可选）：开始输入</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="78" />
      <source>&amp;Kind</source>
      <translation>类型(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="80" />
      <source>About</source>
      <translation>相关</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="83" />
      <source>&amp;About</source>
      <translation>相关(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="85" />
      <source>&amp;Subject</source>
      <translation>主题(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="86" />
      <source>&amp;Text</source>
      <translation>内容(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="87" />
      <source>&amp;Date</source>
      <translation>日期(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="88" />
      <source>D&amp;ue</source>
      <translation>截止(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="134" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="134" />
      <source>Call</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="135" />
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/activity.py" line="135" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../work/main/ui/app.py" line="54" />
      <source>Something went wrong: {0}

The action was not completed and nothing was half-saved. If it happens again, please report it.</source>
      <translation>出错了：{0}

操作未完成，也没有保存一半的数据。如果再次发生，请报告此问题。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/app.py" line="72" />
      <source>Satchel could not open its database.

{0}</source>
      <translation>Satchel 无法打开数据库。

{0}</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/app.py" line="76" />
      <source>Satchel could not open {0}: {1}.

Check that the folder exists and that you may write to it, or start Satchel with --db pointing at another file.</source>
      <translation>Satchel 无法打开 {0}：{1}。

请确认该文件夹存在且有写入权限，或用 --db 指定另一个文件启动 Satchel。</translation>
    </message>
  </context>
  <context>
    <name>CompaniesView</name>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="126" />
      <source>Companies</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="127" />
      <source>No companies yet. They are created as you add contacts.</source>
      <translation>还没有公司。添加联系人时会自动创建。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="128" />
      <source>Select a company to see its people, deals and history.</source>
      <translation>选择一家公司，查看其联系人、商机和往来记录。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="129" />
      <source>New company…</source>
      <translation>新建公司…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="132" />
      <source>1 company</source>
      <translation>1 家公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="132" />
      <source>{0} companies</source>
      <translation>{0} 家公司</translation>
    </message>
  </context>
  <context>
    <name>CompanyDialog</name>
    <message>
      <location filename="../../work/main/ui/dialogs/company.py" line="27" />
      <source>New company</source>
      <translation>新建公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/company.py" line="36" />
      <source>&amp;Name</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/company.py" line="37" />
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/company.py" line="38" />
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/company.py" line="39" />
      <source>&amp;Website</source>
      <translation>网站(&amp;W)</translation>
    </message>
  </context>
  <context>
    <name>ContactsView</name>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="113" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="114" />
      <source>No contacts yet. Press Ctrl+N to add one, or import your address book (File → Import…).</source>
      <translation>还没有联系人。按 Ctrl+N 添加，或导入通讯录（文件 → 导入…）。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="116" />
      <source>Select a contact to see everything about them.</source>
      <translation>选择一位联系人，查看其全部信息。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="117" />
      <source>New contact…</source>
      <translation>新建联系人…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="120" />
      <source>1 contact</source>
      <translation>1 位联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/records.py" line="120" />
      <source>{0} contacts</source>
      <translation>{0} 位联系人</translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="42" />
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="43" />
      <source>Change this record (Enter in the list)</source>
      <translation>修改此记录（在列表中按回车）</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="46" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="49" />
      <source>Note…</source>
      <translation>笔记…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="50" />
      <source>Call…</source>
      <translation>电话…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="51" />
      <source>Meeting…</source>
      <translation>会议…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="53" />
      <source>Follow-up task…</source>
      <translation>跟进任务…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="56" />
      <source>Opportunity…</source>
      <translation>商机…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="57" />
      <source>Contact at this company…</source>
      <translation>此公司的联系人…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="60" />
      <location filename="../../work/main/ui/detail_pane.py" line="195" />
      <location filename="../../work/main/ui/detail_pane.py" line="203" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="193" />
      <source>this contact</source>
      <translation>此联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="194" />
      <source>this company (its contacts stay, without a company)</source>
      <translation>此公司（其联系人会保留，但不再属于任何公司）</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_pane.py" line="196" />
      <source>Delete {0}?</source>
      <translation>删除{0}？</translation>
    </message>
  </context>
  <context>
    <name>EditCompanyDialog</name>
    <message>
      <location filename="../../work/main/ui/dialogs/edit_records.py" line="68" />
      <source>Edit company</source>
      <translation>编辑公司</translation>
    </message>
  </context>
  <context>
    <name>EditContactDialog</name>
    <message>
      <location filename="../../work/main/ui/dialogs/edit_records.py" line="21" />
      <source>Edit contact</source>
      <translation>编辑联系人</translation>
    </message>
  </context>
  <context>
    <name>FirstRunView</name>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="21" />
      <source>Welcome to Satchel</source>
      <translation>欢迎使用 Satchel</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="24" />
      <source>Your customers, companies and deals, on this computer, with or without a network.
Start by bringing in the people you already know:</source>
      <translation>客户、公司和商机都保存在这台电脑上，有没有网络都能用。
先把您已经认识的人导入进来：</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="29" />
      <source>Import address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="30" />
      <source>vCard, CSV, LDIF or Excel</source>
      <translation>vCard、CSV、LDIF 或 Excel</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="31" />
      <source>Scan business cards</source>
      <translation>扫描名片</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="32" />
      <source>English and Chinese cards</source>
      <translation>中英文名片</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="33" />
      <source>Load sample data</source>
      <translation>加载示例数据</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="34" />
      <source>A few example customers</source>
      <translation>几个示例客户</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/first_run.py" line="44" />
      <source>or press Ctrl+N to add a contact by hand</source>
      <translation>或按 Ctrl+N 手动添加联系人</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="56" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="56" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="56" />
      <source>Companies</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="57" />
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="57" />
      <source>Activities</source>
      <translation>活动记录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="111" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="112" />
      <source>&amp;New contact…</source>
      <translation>新建联系人(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="114" />
      <source>New &amp;company…</source>
      <translation>新建公司(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="115" />
      <source>New &amp;opportunity…</source>
      <translation>新建商机(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="118" />
      <source>&amp;Import address book…</source>
      <translation>导入通讯录(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="119" />
      <source>&amp;Scan business cards…</source>
      <translation>扫描名片(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="120" />
      <source>Load &amp;sample data</source>
      <translation>加载示例数据(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="122" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="124" />
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="125" />
      <source>&amp;Search…</source>
      <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="128" />
      <source>&amp;Today</source>
      <translation>今天(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="128" />
      <source>&amp;Contacts</source>
      <translation>联系人(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="129" />
      <source>C&amp;ompanies</source>
      <translation>公司(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="129" />
      <source>O&amp;pportunities</source>
      <translation>商机(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="130" />
      <source>&amp;Activities</source>
      <translation>活动记录(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="133" />
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="134" />
      <source>Find &amp;duplicates…</source>
      <translation>查找重复(&amp;D)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="136" />
      <source>S&amp;ync settings…</source>
      <translation>同步设置(&amp;Y)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="137" />
      <source>Sync &amp;conflicts…</source>
      <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="139" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="140" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="141" />
      <source>&amp;About Satchel</source>
      <translation>关于 Satchel(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="151" />
      <source>Sync status unavailable: {0}</source>
      <translation>同步状态不可用：{0}</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="166" />
      <source>That record no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="185" />
      <source>Contact saved.</source>
      <translation>联系人已保存。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="186" />
      <source>Already known: the existing contact was updated.</source>
      <translation>已有此人：已更新现有联系人。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="187" />
      <source>Already known: nothing new to add.</source>
      <translation>已有此人：没有新信息。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="190" />
      <source>Joined an existing company.</source>
      <translation>已归入现有公司。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="203" />
      <location filename="../../work/main/ui/main_window.py" line="210" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="207" />
      <source>Import address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="208" />
      <source>Address books ({0});;All files (*)</source>
      <translation>通讯录 ({0});;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="215" />
      <location filename="../../work/main/ui/main_window.py" line="222" />
      <source>Business cards</source>
      <translation>名片</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="219" />
      <location filename="../../work/main/ui/main_window.py" line="264" />
      <source>Scan business cards</source>
      <translation>扫描名片</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="220" />
      <source>Images ({0});;All files (*)</source>
      <translation>图片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="229" />
      <location filename="../../work/main/ui/main_window.py" line="235" />
      <source>Sample data</source>
      <translation>示例数据</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="230" />
      <source>The sample data is already in this database.</source>
      <translation>示例数据已在此数据库中。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="236" />
      <source>The sample data could not be loaded ({0}). Nothing was changed.</source>
      <translation>无法加载示例数据（{0}）。没有做任何更改。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="239" />
      <source>Sample data loaded: {0} companies, {1} contacts, {2} opportunities.</source>
      <translation>已加载示例数据：{0} 家公司、{1} 位联系人、{2} 个商机。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="245" />
      <location filename="../../work/main/ui/main_window.py" line="265" />
      <source>Find duplicates</source>
      <translation>查找重复</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="249" />
      <source>Sync settings</source>
      <translation>同步设置</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="253" />
      <source>Sync conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="257" />
      <source>Search everything; paste a phone number to see who calls</source>
      <translation>搜索全部内容；粘贴电话号码即可查看来电者</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="258" />
      <source>New contact</source>
      <translation>新建联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="259" />
      <source>New company</source>
      <translation>新建公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="260" />
      <source>New opportunity</source>
      <translation>新建商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="261" />
      <source>Today, Contacts, Companies, Opportunities, Activities</source>
      <translation>今天、联系人、公司、商机、活动记录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="263" />
      <source>Import an address book</source>
      <translation>导入通讯录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="266" />
      <source>Open or edit the selected row</source>
      <translation>打开或编辑选中的行</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="269" />
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="272" />
      <source>About Satchel</source>
      <translation>关于 Satchel</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/main_window.py" line="273" />
      <source>&lt;b&gt;Satchel&lt;/b&gt;&lt;br&gt;The offline-first sales assistant.&lt;br&gt;Database: {0}</source>
      <translation>&lt;b&gt;Satchel&lt;/b&gt;&lt;br&gt;离线优先的销售助手。&lt;br&gt;数据库：{0}</translation>
    </message>
  </context>
  <context>
    <name>OpportunitiesView</name>
    <message>
      <location filename="../../work/main/ui/views/pipeline.py" line="26" />
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/pipeline.py" line="27" />
      <source>New opportunity…</source>
      <translation>新建商机…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/pipeline.py" line="35" />
      <source>No opportunities yet. Track a deal with “New opportunity…” (Ctrl+Shift+O).</source>
      <translation>还没有商机。用“新建商机…”（Ctrl+Shift+O）跟踪一笔生意。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/pipeline.py" line="56" />
      <source>{0} open</source>
      <translation>{0} 个进行中</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/pipeline.py" line="75" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/pipeline.py" line="76" />
      <source>Delete the opportunity “{0}”?</source>
      <translation>删除商机“{0}”？</translation>
    </message>
  </context>
  <context>
    <name>OpportunityDialog</name>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="45" />
      <source>Edit opportunity</source>
      <translation>编辑商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="46" />
      <source>New opportunity</source>
      <translation>新建商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="79" />
      <source>&amp;Title</source>
      <translation>名称(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="80" />
      <source>&amp;Company</source>
      <translation>公司(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="81" />
      <source>&amp;Stage</source>
      <translation>阶段(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="82" />
      <source>&amp;Amount</source>
      <translation>金额(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="83" />
      <source>C&amp;lose date</source>
      <translation>预计成交日期(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="84" />
      <source>&amp;Note</source>
      <translation>备注(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="123" />
      <source>The amount must be a number, e.g. 12500.</source>
      <translation>金额必须是数字，例如 12500。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/opportunity.py" line="139" />
      <source>An opportunity needs a title.</source>
      <translation>商机需要一个名称。</translation>
    </message>
  </context>
  <context>
    <name>QuickAddDialog</name>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="43" />
      <source>New contact</source>
      <translation>新建联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="46" />
      <source>Full name, e.g. Emma Thompson or 张伟</source>
      <translation>全名，例如 张伟 或 Emma Thompson</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="48" />
      <source>Start typing: known companies are suggested</source>
      <translation>开始输入：会提示已有的公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="52" />
      <source>Any format; several: separate with ;</source>
      <translation>任意格式；多个号码用 ; 分隔</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="60" />
      <source>&amp;Name</source>
      <translation>姓名(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="61" />
      <source>&amp;Company</source>
      <translation>公司(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="63" />
      <source>&amp;Title</source>
      <translation>职位(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="64" />
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="65" />
      <source>&amp;E-mail</source>
      <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="66" />
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="101" />
      <source>Joins {0} ({1} contacts). Its address is filled in.</source>
      <translation>归入 {0}（{1} 位联系人），已填入其地址。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="103" />
      <source>Joins {0} ({1} contacts).</source>
      <translation>归入 {0}（{1} 位联系人）。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/dialogs/quick_add.py" line="113" />
      <source>New company: it will be created.</source>
      <translation>新公司：保存时将创建。</translation>
    </message>
  </context>
  <context>
    <name>SearchPopup</name>
    <message>
      <location filename="../../work/main/ui/search_popup.py" line="46" />
      <source>Search people, companies, deals, notes — or paste a phone number</source>
      <translation>搜索联系人、公司、商机、笔记，或粘贴电话号码</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/search_popup.py" line="73" />
      <location filename="../../work/main/ui/search_popup.py" line="91" />
      <source>Type a name, a company, an e-mail or a phone number.</source>
      <translation>输入姓名、公司、邮箱或电话号码。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/search_popup.py" line="114" />
      <source>{0} found — ↑↓ to choose, Enter to open</source>
      <translation>找到 {0} 条，↑↓ 选择，回车打开</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/search_popup.py" line="115" />
      <source>1 found — Enter to open</source>
      <translation>找到 1 条，回车打开</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/search_popup.py" line="117" />
      <source>Who is calling:</source>
      <translation>来电者：</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/search_popup.py" line="119" />
      <source>Nothing matches “{0}”.</source>
      <translation>没有与“{0}”匹配的内容。</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="80" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="83" />
      <location filename="../../work/main/ui/views/today.py" line="180" />
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="89" />
      <source>Nothing due this week. Add a task below, or enjoy the quiet.</source>
      <translation>本周没有到期任务。可以在下方添加，或享受片刻清闲。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="90" />
      <source>Add a task and press Enter</source>
      <translation>输入任务后按回车</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="93" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="106" />
      <source>Daily note</source>
      <translation>今日笔记</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="110" />
      <source>What happened today? Visits, calls, ideas… It is saved as you type.</source>
      <translation>今天发生了什么？拜访、电话、想法……输入时自动保存。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="159" />
      <location filename="../../work/main/ui/views/today.py" line="172" />
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="160" />
      <source>Due today</source>
      <translation>今天到期</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="161" />
      <source>Coming up</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="224" />
      <source>Editing…</source>
      <translation>正在编辑…</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/views/today.py" line="245" />
      <source>Saved</source>
      <translation>已保存</translation>
    </message>
  </context>
  <context>
    <name>Detail</name>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="43" />
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="46" />
      <source>No opportunities yet.</source>
      <translation>还没有商机。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="57" />
      <source>History</source>
      <translation>往来记录</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="60" />
      <source>Nothing yet. Notes, calls, meetings and tasks appear here, newest first.</source>
      <translation>暂无记录。笔记、电话、会议和任务会按时间倒序显示在这里。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="84" />
      <source>Company address (from {0})</source>
      <translation>公司地址（来自 {0}）</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="88" />
      <location filename="../../work/main/ui/table_models.py" line="23" />
      <location filename="../../work/main/ui/table_models.py" line="31" />
      <location filename="../../work/main/ui/table_models.py" line="40" />
      <location filename="../../work/main/ui/table_models.py" line="53" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="89" />
      <location filename="../../work/main/ui/detail_html.py" line="112" />
      <location filename="../../work/main/ui/detail_html.py" line="145" />
      <location filename="../../work/main/ui/table_models.py" line="25" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="92" />
      <location filename="../../work/main/ui/detail_html.py" line="146" />
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="94" />
      <location filename="../../work/main/ui/detail_html.py" line="111" />
      <location filename="../../work/main/ui/detail_html.py" line="147" />
      <location filename="../../work/main/ui/table_models.py" line="33" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="95" />
      <location filename="../../work/main/ui/detail_html.py" line="113" />
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="96" />
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="97" />
      <location filename="../../work/main/ui/detail_html.py" line="114" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="98" />
      <location filename="../../work/main/ui/detail_html.py" line="115" />
      <location filename="../../work/main/ui/format.py" line="21" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="100" />
      <source>Business card</source>
      <translation>名片</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="100" />
      <source>(no name)</source>
      <translation>（无姓名）</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="117" />
      <location filename="../../work/main/ui/table_models.py" line="32" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="125" />
      <source>and {0} more</source>
      <translation>还有 {0} 位</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="128" />
      <source>No contacts at this company yet.</source>
      <translation>这家公司还没有联系人。</translation>
    </message>
  </context>
  <context>
    <name>TableModels</name>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="88" />
      <location filename="../../work/main/ui/table_models.py" line="23" />
      <location filename="../../work/main/ui/table_models.py" line="31" />
      <location filename="../../work/main/ui/table_models.py" line="40" />
      <location filename="../../work/main/ui/table_models.py" line="53" />
      <source>Company</source>
      <translation>公司</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="89" />
      <location filename="../../work/main/ui/detail_html.py" line="112" />
      <location filename="../../work/main/ui/detail_html.py" line="145" />
      <location filename="../../work/main/ui/table_models.py" line="25" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="94" />
      <location filename="../../work/main/ui/detail_html.py" line="111" />
      <location filename="../../work/main/ui/detail_html.py" line="147" />
      <location filename="../../work/main/ui/table_models.py" line="33" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="117" />
      <location filename="../../work/main/ui/table_models.py" line="32" />
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="22" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="24" />
      <source>Title</source>
      <translation>职位</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="39" />
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="41" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="42" />
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="43" />
      <source>Close date</source>
      <translation>预计成交</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="49" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="50" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="51" />
      <source>Subject</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="52" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/table_models.py" line="59" />
      <source>due {0}</source>
      <translation>{0} 到期</translation>
    </message>
  </context>
  <context>
    <name>Format</name>
    <message>
      <location filename="../../work/main/ui/detail_html.py" line="98" />
      <location filename="../../work/main/ui/detail_html.py" line="115" />
      <location filename="../../work/main/ui/format.py" line="21" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="16" />
      <source>Lead</source>
      <translation>线索</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="16" />
      <source>Qualified</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="16" />
      <source>Proposal</source>
      <translation>方案报价</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="17" />
      <source>Negotiation</source>
      <translation>谈判</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="17" />
      <source>Won</source>
      <translation>赢单</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="17" />
      <source>Lost</source>
      <translation>丢单</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="21" />
      <source>Call</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="21" />
      <source>Meeting</source>
      <translation>会议</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="21" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="25" />
      <source>mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="25" />
      <source>work</source>
      <translation>工作</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="25" />
      <source>home</source>
      <translation>住宅</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="25" />
      <source>fax</source>
      <translation>传真</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="26" />
      <source>other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="42" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="44" />
      <source>Yesterday</source>
      <translation>昨天</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/format.py" line="46" />
      <source>Tomorrow</source>
      <translation>明天</translation>
    </message>
  </context>
  <context>
    <name>External</name>
    <message>
      <location filename="../../work/main/ui/external.py" line="40" />
      <source>{0} is not available in this build of Satchel. Update Satchel to use it.</source>
      <translation>此版本的 Satchel 不包含“{0}”。请更新 Satchel 后使用。</translation>
    </message>
    <message>
      <location filename="../../work/main/ui/external.py" line="48" />
      <source>{0} stopped because of an unexpected error ({1}). Your data was not changed by it; please report this.</source>
      <translation>“{0}”因意外错误（{1}）而中止。您的数据没有因此被更改；请报告此问题。</translation>
    </message>
  </context>
</TS>
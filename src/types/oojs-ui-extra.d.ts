/** Members of OOUI classes that @types/oojs-ui 0.46 leaves out and our dialogs use. */
declare namespace OO.ui {
	namespace Window {
		interface Props {
			$head: JQuery;
			$body: JQuery;
			$foot: JQuery;
		}
	}
	namespace Dialog {
		interface Props {
			actions: OO.ui.ActionSet;
			title: OO.ui.LabelWidget;
		}
	}
}

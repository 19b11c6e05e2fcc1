import { RefiPreviewDialog } from './RefiPreviewDialog';
import { useRefiStore } from './store';
import { useRefi } from './useRefi';

/** REFI-QDA exchange in the window: browser mode's file input for .qdpx files, and the import preview. */
export function RefiUi() {
  const preview = useRefiStore((s) => s.preview);
  const setInput = useRefiStore((s) => s.setInput);
  const flow = useRefi();
  const name = preview ? ('file' in preview.source ? preview.source.file.name : (preview.source.path.split(/[\\/]/).pop() ?? '')) : '';
  return (
    <>
      <input
        ref={setInput}
        type="file"
        accept=".qdpx,application/zip"
        hidden
        data-testid="refi-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void flow.fromFile(file);
        }}
      />
      {preview ? <RefiPreviewDialog name={name} result={preview.result} onConfirm={() => void flow.confirm()} onCancel={flow.close} /> : null}
    </>
  );
}

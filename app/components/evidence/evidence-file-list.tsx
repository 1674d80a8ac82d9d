import { useTranslation } from "react-i18next";
import { useFileSize } from "./file-size";

export type EvidenceChipView = { id: string; projectId: string; name: string; size: number; type: string };

/**
 * The files given with a submission, each a chip with its name and size. They download (never open in the page):
 * the server sends them as attachments, only to people who can see the project.
 */
export function EvidenceFileList({ files }: { files: EvidenceChipView[] }) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  if (files.length === 0) return null;
  return (
    <ul className="evidence-files" aria-label={t("evidence.list.label")} data-testid="evidence-files">
      {files.map((file) => (
        <li key={file.id} className="evidence-chip">
          <a
            href={`/projects/${file.projectId}/evidence/${file.id}`}
            download={file.name}
            aria-label={t("evidence.list.download", { name: file.name, size: fileSize(file.size) })}
          >
            <span className="evidence-name">{file.name}</span>
          </a>{" "}
          <span className="muted evidence-size">{fileSize(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}

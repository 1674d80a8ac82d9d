import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageKey } from "~/i18n/keys";
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_FIELD,
  EVIDENCE_MAX_FILE_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_TYPES,
} from "~/lib/evidence/limits";
import { useFileSize } from "./file-size";

type Problem = { key: "fileTooLarge" | "fileType" | "fileTooMany"; name: string; size: number };

const EXTENSIONS: ReadonlySet<string> = new Set([
  ...Object.values(EVIDENCE_TYPES).map((type) => type.extension),
  "jpeg",
]);

/** A first look at a chosen file, by its name and size only (the server decides by content). */
function looksAccepted(file: File): boolean {
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return EXTENSIONS.has(extension);
}

/**
 * The file picker of a submission: chosen files appear as chips (name and size) that can be taken away again. A file
 * that is too large or of a kind Qadam does not take is left out at once, with a sentence naming it, so nothing is
 * sent in vain; the server checks every file again by its content and answers `serverError`.
 */
export function EvidenceFilesField({ serverError, keptCount = 0 }: { serverError?: string; keptCount?: number }) {
  const { t } = useTranslation();
  const fileSize = useFileSize();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const room = EVIDENCE_MAX_FILES - keptCount;

  const keep = (files: File[]) => {
    const element = input.current;
    if (element) {
      // The input's own list is what the form sends: rebuilt so that only the accepted files go.
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      element.files = transfer.files;
    }
    setChosen(files);
  };

  const onChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.currentTarget.files ?? []);
    const found: Problem[] = [];
    const accepted: File[] = [];
    for (const file of picked) {
      if (file.size > EVIDENCE_MAX_FILE_BYTES) found.push({ key: "fileTooLarge", name: file.name, size: file.size });
      else if (!looksAccepted(file)) found.push({ key: "fileType", name: file.name, size: file.size });
      else if (accepted.length >= room) found.push({ key: "fileTooMany", name: file.name, size: file.size });
      else accepted.push(file);
    }
    setProblems(found);
    keep(accepted);
  };

  const describedBy = [`${id}-hint`, problems.length || serverError ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field evidence-field">
      <label htmlFor={`field-${EVIDENCE_FIELD}`}>{t("evidence.field.label")}</label>
      <input
        ref={input}
        id={`field-${EVIDENCE_FIELD}`}
        type="file"
        name={EVIDENCE_FIELD}
        multiple
        accept={EVIDENCE_ACCEPT}
        onChange={onChange}
        aria-invalid={problems.length || serverError ? true : undefined}
        aria-describedby={describedBy}
        disabled={room <= 0}
      />
      <small className="muted" id={`${id}-hint`}>
        {keptCount > 0 ? `${t("evidence.field.kept")} ` : null}
        {t("evidence.field.hint", { size: fileSize(EVIDENCE_MAX_FILE_BYTES), count: EVIDENCE_MAX_FILES })}
      </small>
      {chosen.length > 0 ? (
        <ul className="evidence-files" aria-label={t("evidence.field.chosen")} data-testid="chosen-files">
          {chosen.map((file, index) => (
            <li key={`${file.name}-${index}`} className="evidence-chip">
              <span className="evidence-name">{file.name}</span>{" "}
              <span className="muted evidence-size">{fileSize(file.size)}</span>
              <button
                type="button"
                className="evidence-remove"
                aria-label={t("evidence.field.remove", { name: file.name })}
                onClick={() => keep(chosen.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length || serverError ? (
        <div className="field-error" id={`${id}-error`} role="alert" data-testid="evidence-error">
          {problems.map((problem) => (
            <p key={`${problem.key}-${problem.name}`}>
              {problem.key === "fileTooMany"
                ? t("evidence.errors.fileTooMany", { count: EVIDENCE_MAX_FILES })
                : t(`evidence.errors.${problem.key}`, { name: problem.name, size: fileSize(problem.size) })}
            </p>
          ))}
          {serverError ? <p>{t(messageKey(serverError))}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
